def power(base, exp=2):
    result = 1
    for i in range(exp):
        result *= base
    return result


def shift(x, by=-1, times=1):
    return x + by * times


print(power(5), power(2, 10), power(3, exp=3))
print(shift(10), shift(10, 5), shift(10, times=4), shift(10, 2, 3))
