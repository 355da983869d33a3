def sign(x):
    return 1 if x > 0 else -1 if x < 0 else 0


print([sign(v) for v in [-3, 0, 8]])
n = 7
print("odd" if n % 2 else "even")
parity = n % 2 == 0
print(parity if n > 0 else not parity)
