#include <stdio.h>

struct point {
    int x;
    int y;
};

int main(void) {
    printf("no structs\n");
    return 0;
}
