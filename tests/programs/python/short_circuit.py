calls = 0


def touch(v):
    global calls
    calls += 1
    return v


r = touch(0) and touch(1)
print(r, calls)
r = touch(1) or touch(2)
print(r, calls)
r = touch(1) and touch(2)
print(r, calls)
xs = [1, 2, 3]
i = 5
if i < len(xs) and xs[i] > 0:
    print("never")
else:
    print("guarded")
