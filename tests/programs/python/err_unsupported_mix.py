def pick(flag):
    if flag:
        return 1
    return [1]


print(pick(True))
