xs = [5, 6, 7, 8, 9]
print(xs[-1], xs[-2], xs[-5], xs[0])
xs[-1] = 90
xs[-3] += 100
print(xs)
n = len(xs)
for i in range(1, n + 1):
    print(xs[-i], end=" ")
print()
