count = 0
for i in range(10):
    count += i
print(cuont)
