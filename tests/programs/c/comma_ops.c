#include <stdio.h>

int main(void) {
    int a = 1, b = 2, c;
    c = (a += 10, b += 20, a + b);
    printf("a=%d b=%d c=%d\n", a, b, c);
    int sum = 0, i, j;
    for (i = 0, j = 10; i <= j; i++, j--)
        sum += i * j;
    printf("sum=%d i=%d j=%d\n", sum, i, j);
    int x = (1, 2, 3);
    printf("x=%d\n", x);
    return 0;
}
