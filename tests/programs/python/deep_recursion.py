def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def total(xs, i):
    if i == len(xs):
        return 0
    return xs[i] + total(xs, i + 1)


print(depth(500))
print(total([k for k in range(200)], 0))
