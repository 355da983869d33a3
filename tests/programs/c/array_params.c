#include <stdio.h>

int sum(int a[], int n) {
    int s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return s;
}

int largest(const int a[], int n) {
    int best = a[0];
    for (int i = 1; i < n; i++)
        if (a[i] > best)
            best = a[i];
    return best;
}

void reverse(int a[], int n) {
    for (int i = 0, j = n - 1; i < j; i++, j--) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

void show(int a[], int n) {
    for (int i = 0; i < n; i++)
        printf("%d%c", a[i], i + 1 < n ? ' ' : '\n');
}

int global_data[5] = {4, 8, 15, 16, 23};

int main(void) {
    int local[6] = {3, -1, 4, 1, -5, 9};
    show(local, 6);
    printf("sum %d, largest %d\n", sum(local, 6), largest(local, 6));
    reverse(local, 6);
    show(local, 6);
    reverse(global_data, 5);
    show(global_data, 5);
    printf("sum %d\n", sum(global_data, 5));
    return 0;
}
