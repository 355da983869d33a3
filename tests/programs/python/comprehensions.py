squares = [i * i for i in range(10)]
print(squares)
evens = [x for x in squares if x % 2 == 0]
print(evens)
big = [x + 1 for x in squares if x > 10 if x < 70]
print(big)
empty = [x for x in range(5) if x > 10]
print(empty, len(empty))
n = 3
table = [n * k for k in range(1, 11)]
print(table, sum(table))
