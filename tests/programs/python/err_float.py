x = 10
y = x / 4
print(y)
