def search(xs, target):
    lo = 0
    hi = len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        elif xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


data = [k * 3 for k in range(30)]
print(search(data, 27), search(data, 28), search(data, 0), search(data, 87))
