moves = 0


def hanoi(n, a, b, c):
    global moves
    if n == 0:
        return
    hanoi(n - 1, a, c, b)
    moves += 1
    if n >= 4:
        print("move disk", n, "from", a, "to", c)
    hanoi(n - 1, b, a, c)


hanoi(5, 1, 2, 3)
print(moves, "moves")
