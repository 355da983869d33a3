#include <stdio.h>

int divisor_sum(int n) {
    int s = 1;
    for (int d = 2; d * d <= n; d++) {
        if (n % d == 0) {
            s += d;
            if (d * d != n)
                s += n / d;
        }
    }
    return s;
}

int main(void) {
    for (int n = 2; n < 1000; n++)
        if (divisor_sum(n) == n)
            printf("%d is perfect\n", n);
    int a = 220, b = 284;
    printf("%d and %d amicable: %s\n", a, b, divisor_sum(a) == b && divisor_sum(b) == a ? "yes" : "no");
    return 0;
}
