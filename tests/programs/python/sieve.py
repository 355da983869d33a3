n = 100
is_prime = [1] * (n + 1)
is_prime[0] = 0
is_prime[1] = 0
p = 2
while p * p <= n:
    if is_prime[p]:
        for m in range(p * p, n + 1, p):
            is_prime[m] = 0
    p += 1
primes = [i for i in range(n + 1) if is_prime[i]]
print(len(primes), primes[-1])
print(primes)
