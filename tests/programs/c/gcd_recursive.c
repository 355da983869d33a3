#include <stdio.h>

long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
}

long lcm(long a, long b) {
    return a / gcd(a, b) * b;
}

int main(void) {
    printf("gcd(1071, 462) = %ld\n", gcd(1071, 462));
    long l = 1;
    for (int i = 1; i <= 30; i++)
        l = lcm(l, i);
    printf("lcm(1..30) = %ld\n", l);
    printf("gcd(-12, 18) = %ld\n", gcd(-12, 18));
    return 0;
}
