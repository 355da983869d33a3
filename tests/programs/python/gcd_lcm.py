def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return a


def lcm(a, b):
    return a // gcd(a, b) * b


print(gcd(1071, 462), lcm(4, 6), gcd(17, 5))
total = 1
for k in range(1, 21):
    total = lcm(total, k)
print("lcm of 1..20 is", total)
