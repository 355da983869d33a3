def fill(xs, v):
    for i in range(len(xs)):
        xs[i] = v


a = [1, 2, 3]
b = a
b[0] = 100
print(a)
fill(a, 7)
print(b)
c = a + []
c[1] = 0
print(a, c)
