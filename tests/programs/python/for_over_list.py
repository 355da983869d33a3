primes = [2, 3, 5, 7, 11, 13]
total = 0
for p in primes:
    total += p
print("total", total)
for p in primes:
    if p % 4 == 1:
        print(p, "is 1 mod 4")
