def first():
    return second() + 1


def second():
    return 41


print(first())
limit = 10


def under(n):
    return n < limit


print(under(3), under(30))
