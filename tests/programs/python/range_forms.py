for i in range(5):
    print(i, end=" ")
print()
for i in range(2, 8):
    print(i, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(0, 20, 7):
    print(i, end=" ")
print()
for i in range(5, 5):
    print("never")
for i in range(-3, 3, 2):
    print(i, end=",")
print()
