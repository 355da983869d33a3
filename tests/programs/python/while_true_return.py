def first_square_above(n):
    k = 0
    while True:
        if k * k > n:
            return k
        k += 1


def collatz_len(n):
    steps = 1
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


print(first_square_above(50), first_square_above(0))
best = 0
arg = 0
for start in range(1, 30):
    c = collatz_len(start)
    if c > best:
        best, arg = c, start
print(arg, best)
