for i in range(20):
    if i % 3 == 0:
        continue
    if i > 13:
        break
    print(i, end=" ")
print()
n = 0
while True:
    n += 1
    if n == 2:
        continue
    if n > 5:
        break
    print("n =", n)
for i in range(3):
    pass
print("done", i)
