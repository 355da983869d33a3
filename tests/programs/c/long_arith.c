#include <stdio.h>

int main(void) {
    long fib_a = 0, fib_b = 1;
    for (int i = 0; i < 90; i++) {
        long next = fib_a + fib_b;
        fib_a = fib_b;
        fib_b = next;
    }
    printf("fib(90) = %ld\n", fib_a);
    long p = 1;
    for (int i = 0; i < 18; i++)
        p *= 10;
    printf("10^18 = %ld\n", p);
    long max = 9223372036854775807;
    printf("max long = %ld\n", max);
    printf("max / 7 = %ld, max %% 7 = %ld\n", max / 7, max % 7);
    long m = -9223372036854775807 - 1;
    printf("min long = %ld\n", m);
    printf("min / -3 = %ld\n", m / -3);
    long prod = 3037000499;
    printf("%ld\n", prod * prod);
    return 0;
}
