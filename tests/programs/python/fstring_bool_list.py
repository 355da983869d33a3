xs = []
print(f"{xs} {len(xs) == 0} {not xs}")
xs.append(-3)
print(f"xs={xs}, empty={len(xs) == 0}, first={xs[0]}, neg={-xs[0]}")
n = 5
print(f"{n} squared is {n ** 2}; {n}! is {1 * 2 * 3 * 4 * 5}")
