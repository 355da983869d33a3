def first():
    return second() + 1


print("calling")
print(first())


def second():
    return 41
