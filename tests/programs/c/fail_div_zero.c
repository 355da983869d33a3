#include <stdio.h>

int average(int total, int count) {
    return total / count;
}

int main(void) {
    printf("%d\n", average(10, 2));
    printf("%d\n", average(9, 3));
    printf("%d\n", average(5, 0));
    printf("never printed\n");
    return 0;
}
