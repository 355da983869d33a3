tops = [7, -7, 7, -7, 0, 5, -5]
bottoms = [2, 2, -2, -2, 5, 7, 7]
for k in range(len(tops)):
    a = tops[k]
    b = bottoms[k]
    print(a, b, a // b, a % b, (a // b) * b + a % b == a)
print(-1 // 10, -1 % 10, 1 // -10, 1 % -10)
x = 100
x //= 7
print(x)
x %= 4
print(x)
