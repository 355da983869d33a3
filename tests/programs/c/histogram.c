#include <stdio.h>

int main(void) {
    int n;
    scanf("%d", &n);
    int counts[5] = {0, 0, 0, 0, 0};
    for (int i = 0; i < n; i++) {
        int v;
        scanf("%d", &v);
        if (v >= 1 && v <= 5)
            counts[v - 1]++;
    }
    for (int i = 0; i < 5; i++) {
        printf("%d | ", i + 1);
        for (int j = 0; j < counts[i]; j++)
            putchar('#');
        printf(" (%d)\n", counts[i]);
    }
    return 0;
}
