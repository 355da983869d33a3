#include <stdio.h>

long power(long base, int exp) {
    if (exp == 0)
        return 1;
    long half = power(base, exp / 2);
    if (exp % 2 == 0)
        return half * half;
    return half * half * base;
}

long modpow(long base, long exp, long mod) {
    long result = 1;
    base %= mod;
    while (exp > 0) {
        if (exp % 2 == 1)
            result = result * base % mod;
        base = base * base % mod;
        exp /= 2;
    }
    return result;
}

int main(void) {
    printf("2^62 = %ld\n", power(2, 62));
    printf("3^39 = %ld\n", power(3, 39));
    printf("7^0 = %ld\n", power(7, 0));
    printf("(-2)^63 + 1 = %ld\n", power(-2, 63) + 1);
    printf("5^117 mod 19 = %ld\n", modpow(5, 117, 19));
    printf("2^1000 mod 1000007 = %ld\n", modpow(2, 1000, 1000007));
    return 0;
}
