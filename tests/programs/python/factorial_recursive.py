def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


for k in [0, 1, 5, 10, 20, 30]:
    print(k, fact(k))
