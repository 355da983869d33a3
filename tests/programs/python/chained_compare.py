def classify(x):
    if 0 <= x < 10:
        return 1
    elif 10 <= x < 100:
        return 2
    elif x >= 100:
        return 3
    return 0


for v in [-5, 0, 9, 10, 99, 100, 12345]:
    print(v, classify(v))
a = 1
b = 2
c = 3
print(a < b < c, a < b > c, a == 1 == 1, 1 < 2 < 3 < 4 < 3, a != b != a)
