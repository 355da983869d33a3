#include <stdio.h>

int sum(int a[], int n) {
    int s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return s;
}

int main(void) {
    int partial[8] = {1, 2, 3};
    int sized[] = {10, 20, 30, 40};
    int big[50] = {7};
    long zeros[30] = {0};
    printf("partial: ");
    for (int i = 0; i < 8; i++)
        printf("%d ", partial[i]);
    printf("\nsized: %d, sum %d\n", sized[3], sum(sized, 4));
    printf("big: sum %d, last %d\n", sum(big, 50), big[49]);
    zeros[29] = 5;
    printf("zeros: %ld %ld\n", zeros[0], zeros[29]);
    for (int round = 0; round < 3; round++) {
        int fresh[20] = {round};
        fresh[19] += round;
        printf("round %d: %d %d %d\n", round, fresh[0], fresh[1], fresh[19]);
    }
    return 0;
}
