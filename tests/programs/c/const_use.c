#include <stdio.h>

const int SIZE = 5;
const int weights[5] = {1, 2, 3, 4, 5};

int weighted(const int w[], const int v[], int n) {
    int s = 0;
    for (int i = 0; i < n; i++)
        s += w[i] * v[i];
    return s;
}

int main(void) {
    const int base = 10;
    int values[5] = {5, 4, 3, 2, 1};
    const long big = 12345678901;
    printf("weighted = %d\n", weighted(weights, values, SIZE));
    printf("base + size = %d\n", base + SIZE);
    printf("big = %ld\n", big * base);
    return 0;
}
