x = 5
print(x)
x = [1, 2]
print(x)
