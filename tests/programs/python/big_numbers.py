f = 1
for i in range(1, 41):
    f *= i
print(f)
big = 10 ** 40 + 1
print(big * 999, -big)
print(big // 7, big % 7)
