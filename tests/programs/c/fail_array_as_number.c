#include <stdio.h>

int main(void) {
    int a[3] = {1, 2, 3};
    int total = 0;
    total = total + a;
    printf("%d\n", total);
    return 0;
}
