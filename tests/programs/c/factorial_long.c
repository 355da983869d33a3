#include <stdio.h>

/* Factorials up to 20!, the largest that fits in a C long. */
long factorial(int n) {
    if (n <= 1)
        return 1;
    return n * factorial(n - 1);
}

int main(void) {
    for (int n = 0; n <= 20; n += 4)
        printf("%2d! = %ld\n", n, factorial(n));
    printf("20! = %ld\n", factorial(20));
    return 0;
}
