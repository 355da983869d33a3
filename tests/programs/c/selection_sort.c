#include <stdio.h>

void sort(long a[], int n) {
    for (int i = 0; i < n - 1; i++) {
        int min = i;
        for (int j = i + 1; j < n; j++)
            if (a[j] < a[min])
                min = j;
        if (min != i) {
            long t = a[i];
            a[i] = a[min];
            a[min] = t;
        }
    }
}

int main(void) {
    long values[12] = {31415926535, -2, 7, 0, 999, -2, 42, 1000000000000, 3, 8, -77, 5};
    sort(values, 12);
    for (int i = 0; i < 12; i++)
        printf("%ld%s", values[i], i < 11 ? ", " : "\n");
    return 0;
}
