#include <stdio.h>

int main(void) {
    int a[3] = {1, 2, 3};
    int i = 2;
    while (1) {
        printf("a[%d] = %d\n", i, a[i]);
        i--;
    }
    return 0;
}
