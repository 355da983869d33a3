#include <stdio.h>

#define N 8

int main(void) {
    int a[N] = {29, -3, 8, 8, 15, 0, 42, -17};
    int swaps = 0;
    for (int pass = 0; pass < N - 1; pass++) {
        int swapped = 0;
        for (int i = 0; i < N - 1 - pass; i++)
            if (a[i] > a[i + 1]) {
                int t = a[i];
                a[i] = a[i + 1];
                a[i + 1] = t;
                swapped = 1;
                swaps++;
            }
        if (!swapped)
            break;
    }
    for (int i = 0; i < N; i++)
        printf("%4d|%-4d|%04d\n", a[i], a[i], a[i]);
    printf("%d swaps\n", swaps);
    return 0;
}
