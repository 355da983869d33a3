#include <stdio.h>

int first(int a[]) {
    return a[0];
}

int main(void) {
    int n = 4;
    printf("%d\n", first(n));
    return 0;
}
