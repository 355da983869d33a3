def nothing():
    pass


def hello():
    print("hello")


print(True, False, None)
print([], [1], [1, 2, 3], [-4, 0, 4])
print(nothing())
r = hello()
print(r)
print(3 > 2, 3 < 2, 1 == 1)
