#include <stdio.h>

int main(void) {
    for (int i = 0, j = 10; i < j; i += 2, j -= 1)
        printf("i=%d j=%d\n", i, j);
    int i = 100;
    for (int i = 0; i < 3; i++) {
        int i2 = i * i;
        printf("inner i=%d squared=%d\n", i, i2);
    }
    printf("outer i=%d\n", i);
    int a, b;
    for (a = 1, b = 1; a < 50; b = a + b, a = b - a)
        printf("%d ", a);
    printf("\n");
    int n = 0;
    for (;;) {
        if (++n >= 5)
            break;
    }
    printf("n=%d\n", n);
    return 0;
}
