#include <stdio.h>

int triangle(int n) {
    return n * (n + 1) / 2;
}

int is_square(int n) {
    int r = 0;
    while ((r + 1) * (r + 1) <= n)
        r++;
    return r * r == n;
}

int main(void) {
    printf("triangle numbers that are squares:");
    for (int n = 1; n <= 300; n++)
        if (is_square(triangle(n)))
            printf(" %d", triangle(n));
    printf("\n");
    return 0;
}
