flags = [1, 0, 1, 1, 0]
count = 0
for f in flags:
    count += f == 1
print(count)
t = True
print(t + t, t * 5, -t, t - 1, True // 1, True % 2)
b = 3 > 2
print(b, not b, b == 1, b == True)
