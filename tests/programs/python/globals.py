counter = 0
limit = 3


def bump():
    global counter
    counter = counter + 1
    return counter


def peek():
    return counter * limit


bump()
bump()
print(counter, peek())
bump()
print(peek())
