#include <stdio.h>

int main(void) {
    int sum = 0;
    for (int i = 1; i < 1000; i++)
        if (i % 3 == 0 || i % 5 == 0)
            sum += i;
    printf("sum of multiples of 3 or 5 below 1000: %d\n", sum);
    long even_fib = 0;
    long a = 1, b = 2;
    while (b <= 4000000) {
        if (b % 2 == 0)
            even_fib += b;
        long t = a + b;
        a = b;
        b = t;
    }
    printf("sum of even fibonacci numbers up to 4 million: %ld\n", even_fib);
    return 0;
}
