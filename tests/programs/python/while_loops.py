n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print("collatz steps for 27:", steps)
k = 10
while k:
    k -= 3
    if k < 0:
        k = 0
print(k)
