a = int(input())
print(a)
b = int(input())
print(b)
