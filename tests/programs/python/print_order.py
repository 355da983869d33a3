def shout(n):
    print("evaluating", n)
    return n * 10


print("values:", shout(1), shout(2))
print(shout(3), end=" <- last\n")
xs = [1]


def grow():
    xs.append(len(xs) + 1)
    return 0


print(xs, grow(), xs)
