print(0 or 5)
print(3 or 5)
print(0 and 5)
print(3 and 5)
print(True and False, True or False, False or False)
x = 0
y = x or 42
print(y)
z = 7 and 8 and 9
print(z)
w = 0 or 0 or 0
print(w)
print(not 0, not 5, not True)
xs = []
ys = xs or [1, 2]
print(ys)
