def total(xs):
    s = 0
    for x in xs:
        s += x
    return s


def doubled(xs):
    return [2 * x for x in xs]


def make(n, v=0):
    return [v] * n


ys = doubled([1, 2, 3])
print(total(ys), ys, make(3), make(2, 5))
print(max(doubled(make(4, 3))), min([x - 10 for x in ys]))
