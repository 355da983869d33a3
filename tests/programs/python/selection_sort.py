def sort(xs):
    n = len(xs)
    for i in range(n):
        m = i
        for j in range(i + 1, n):
            if xs[j] < xs[m]:
                m = j
        xs[i], xs[m] = xs[m], xs[i]


data = [5, -1, 12, 0, 3, 3, -8, 44]
sort(data)
print(data)
