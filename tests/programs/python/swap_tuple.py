a = 1
b = 2
a, b = b, a
print(a, b)
x, y, z = 3, 4, 5
x, y, z = z, x, y
print(x, y, z)
xs = [10, 20, 30, 40]
xs[0], xs[3] = xs[3], xs[0]
print(xs)
i = 1
i, xs[i] = 2, 99
print(i, xs)
