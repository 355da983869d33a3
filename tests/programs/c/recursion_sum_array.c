#include <stdio.h>

int sum(int a[], int n) {
    if (n == 0)
        return 0;
    return a[n - 1] + sum(a, n - 1);
}

int count_paths(int r, int c) {
    if (r == 0 || c == 0)
        return 1;
    return count_paths(r - 1, c) + count_paths(r, c - 1);
}

void print_binary(int n) {
    if (n > 1)
        print_binary(n / 2);
    putchar('0' + n % 2);
}

int main(void) {
    int data[7] = {5, 10, 15, 20, 25, 30, 35};
    printf("sum %d\n", sum(data, 7));
    printf("paths in a 5x5 grid: %d\n", count_paths(5, 5));
    for (int n = 1; n <= 10; n++) {
        print_binary(n);
        putchar(n < 10 ? ' ' : '\n');
    }
    return 0;
}
