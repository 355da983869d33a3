#include <stdio.h>

void factor(long n) {
    printf("%ld =", n);
    int first = 1;
    for (long p = 2; p * p <= n; p++) {
        while (n % p == 0) {
            printf("%s%ld", first ? " " : " * ", p);
            first = 0;
            n /= p;
        }
    }
    if (n > 1)
        printf("%s%ld", first ? " " : " * ", n);
    printf("\n");
}

int main(void) {
    factor(360);
    factor(97);
    factor(1001);
    factor(65536);
    factor(600851475143);
    return 0;
}
