#include <stdio.h>

int main(void) {
    int row[13] = {1};
    for (int n = 0; n < 12; n++) {
        for (int s = 0; s < 11 - n; s++)
            printf("  ");
        for (int k = 0; k <= n; k++)
            printf("%4d", row[k]);
        printf("\n");
        for (int k = n + 1; k > 0; k--)
            row[k] += row[k - 1];
    }
    return 0;
}
