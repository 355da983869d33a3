print(abs(-5), abs(5), abs(0), abs(True))
print(min(3, 1, 2), max(3, 1, 2), min(-1, -1), max(4, 9))
xs = [4, -2, 17, 0, 8]
print(min(xs), max(xs), sum(xs), len(xs))
print(max(True, False), min(True, False))
print(sum([]), len([]))
print(int(True), int(7), True + 1, True + True, False * 10)
print(sum(xs, 100), sum([], -1), sum([k for k in range(5)], 10))
