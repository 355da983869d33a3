#include <stdio.h>

int main(void) {
    int x = 5;
    int y = x++ * 2;
    printf("x=%d y=%d\n", x, y);
    y = ++x * 2;
    printf("x=%d y=%d\n", x, y);
    y = x-- - 1;
    printf("x=%d y=%d\n", x, y);
    y = --x;
    printf("x=%d y=%d\n", x, y);
    int a[5] = {0};
    int i = 0;
    a[i++] = 10;
    a[i++] = 20;
    a[++i] = 40;
    printf("i=%d a = %d %d %d %d %d\n", i, a[0], a[1], a[2], a[3], a[4]);
    a[1]++;
    ++a[3];
    a[4]--;
    printf("a = %d %d %d %d %d\n", a[0], a[1], a[2], a[3], a[4]);
    int n = 3, total = 0;
    while (n--)
        total += n;
    printf("n=%d total=%d\n", n, total);
    return 0;
}
