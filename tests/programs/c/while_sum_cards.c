#include <stdio.h>

/* Reads numbers until a zero card, then prints statistics. */
int main(void) {
    int v, n = 0;
    long sum = 0;
    int min = 0, max = 0;
    scanf("%d", &v);
    while (v != 0) {
        if (n == 0 || v < min)
            min = v;
        if (n == 0 || v > max)
            max = v;
        sum += v;
        n++;
        scanf("%d", &v);
    }
    printf("%d numbers, sum %ld, min %d, max %d\n", n, sum, min, max);
    if (n > 0)
        printf("mean (truncated) %ld\n", sum / n);
    return 0;
}
