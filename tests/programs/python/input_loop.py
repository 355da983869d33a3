total = 0
count = 0
while True:
    v = int(input())
    if v == 0:
        break
    total += v
    count += 1
print(count, "numbers, total", total)
if count > 0:
    print("mean rounded down", total // count)
