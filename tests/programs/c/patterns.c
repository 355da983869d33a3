#include <stdio.h>

int main(void) {
    int n = 5;
    for (int i = 1; i <= n; i++) {
        for (int j = 0; j < n - i; j++)
            putchar(' ');
        for (int j = 0; j < 2 * i - 1; j++)
            putchar('*');
        putchar('\n');
    }
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++)
            putchar((i + j) % 2 ? '.' : '#');
        putchar('\n');
    }
    return 0;
}
