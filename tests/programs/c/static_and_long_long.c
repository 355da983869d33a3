#include <stdio.h>

static int calls;

static long long square(long long x) {
    calls++;
    return x * x;
}

long int cube(long int x) {
    return square(x) * x;
}

int main(void) {
    long long a = 3000000;
    long long s = square(a);
    long c = cube(2000);
    printf("%lld %ld %i\n", s, c, calls);
    return 0;
}
