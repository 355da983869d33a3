#include <stdio.h>

const int limit = 10;

int main(void) {
    printf("%d\n", limit);
    limit = 20;
    return 0;
}
