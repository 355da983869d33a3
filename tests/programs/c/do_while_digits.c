#include <stdio.h>

int main(void) {
    long n = 9876543210;
    long reversed = 0;
    int digits = 0, sum = 0;
    do {
        int d = n % 10;
        sum += d;
        reversed = reversed * 10 + d;
        digits++;
        n /= 10;
    } while (n > 0);
    printf("digits %d, sum %d, reversed %ld\n", digits, sum, reversed);
    int zero = 0, count = 0;
    do {
        count++;
    } while (zero);
    printf("a do-while runs at least once: %d\n", count);
    return 0;
}
