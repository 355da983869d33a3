#include <stdio.h>

int total(int a[], int n) {
    int s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return s;
}

int data[4] = {1, 2, 3, 4};

int main(void) {
    printf("%d\n", total(data, 4));
    printf("%d\n", total(data, 3));
    printf("%d\n", total(data, 5));
    return 0;
}
