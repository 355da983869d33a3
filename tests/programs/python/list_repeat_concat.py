zeros = [0] * 5
print(zeros)
pattern = [1, 2] * 3
print(pattern)
both = [1, 2] + [3]
print(both)
none = [7] * 0
print(none, 3 * [4])
xs = [1]
ys = xs
xs += [2, 3]
print(xs, ys)
print([1, 2] == [1, 2], [1, 2] != [2, 1], [] == [])
print(3 in [1, 2, 3], 4 in [1, 2, 3], 4 not in [1, 2])
