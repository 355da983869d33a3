a = int(input("first? "))
b = int(input("second? "))
print()
print("product", a * b)
