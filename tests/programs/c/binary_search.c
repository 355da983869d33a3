#include <stdio.h>

int find(const int a[], int n, int key) {
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (a[mid] == key)
            return mid;
        else if (a[mid] < key)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

int main(void) {
    int sorted[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31};
    int keys[] = {2, 13, 31, 4, 0, 100};
    for (int k = 0; k < 6; k++)
        printf("find(%d) = %d\n", keys[k], find(sorted, 11, keys[k]));
    return 0;
}
