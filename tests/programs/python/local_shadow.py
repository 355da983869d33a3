x = 100


def f():
    x = 1
    return x + 1


def g(x):
    return x * 2


print(f(), g(5), x)
ys = [x for x in range(3)]
print(ys, x)
