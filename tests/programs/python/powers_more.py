print(2 ** 10, (-2) ** 3, -2 ** 2, 3 ** 0, 0 ** 0, 1 ** 100)
print(2 ** 3 ** 2)
print(10 ** 49)
x = 3
x **= 4
print(x)
print(sum([k ** 2 for k in range(1, 11)]))
