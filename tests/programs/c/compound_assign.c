#include <stdio.h>

int main(void) {
    int v = 100;
    v += 23;
    printf("%d\n", v);
    v -= 3;
    printf("%d\n", v);
    v *= 4;
    printf("%d\n", v);
    v /= 7;
    printf("%d\n", v);
    v %= 10;
    printf("%d\n", v);
    long acc[3] = {1, 2, 3};
    for (int k = 0; k < 3; k++) {
        acc[k] *= 1000;
        acc[k] += k;
        acc[k] -= 1;
    }
    printf("%ld %ld %ld\n", acc[0], acc[1], acc[2]);
    int a = 1, b = 2, c = 3;
    a = b = c;
    printf("%d %d %d\n", a, b, c);
    a += b *= 2;
    printf("%d %d\n", a, b);
    return 0;
}
