seen = []
for v in [3, 1, 3, 2, 1, 5]:
    if v not in seen:
        seen.append(v)
print(seen)
print(2 in seen, 9 in seen, [1, 2] == [1, 2, 3])
