#include <stdio.h>

int x = 1;

void show_global(void) {
    printf("global x = %d\n", x);
}

int main(void) {
    printf("x = %d\n", x);
    int x = 2;
    printf("x = %d\n", x);
    {
        int x = 3;
        printf("x = %d\n", x);
        {
            x++;
            int x = 10;
            printf("x = %d\n", x);
        }
        printf("x = %d\n", x);
    }
    printf("x = %d\n", x);
    show_global();
    for (int x = 0; x < 2; x++) {
        int y = x * 100;
        printf("loop x = %d, y = %d\n", x, y);
    }
    if (x == 2) {
        int x = -2;
        printf("if x = %d\n", x);
    }
    printf("x = %d\n", x);
    return 0;
}
