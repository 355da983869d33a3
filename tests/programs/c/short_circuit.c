#include <stdio.h>

int calls = 0;

int noisy(int v) {
    calls++;
    printf("noisy(%d) ", v);
    return v;
}

int main(void) {
    if (noisy(0) && noisy(1))
        printf("both");
    printf("| calls %d\n", calls);
    if (noisy(1) || noisy(2))
        printf("either");
    printf("| calls %d\n", calls);
    int r = noisy(3) && noisy(0);
    printf("| r %d\n", r);
    r = noisy(0) || noisy(5);
    printf("| r %d\n", r);
    r = !noisy(7);
    printf("| r %d\n", r);
    int d = 0;
    if (d != 0 && 10 / d > 1)
        printf("never\n");
    printf("safe: %d\n", d == 0 || 10 / d > 1);
    return 0;
}
