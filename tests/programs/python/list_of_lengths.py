def histogram(values, buckets):
    counts = [0] * buckets
    for v in values:
        counts[v % buckets] += 1
    return counts


data = [k * k + 3 * k for k in range(25)]
h = histogram(data, 5)
print(h, sum(h) == len(data))
for i in range(len(h)):
    print(i, "#" if h[i] > 5 else ".", h[i])
