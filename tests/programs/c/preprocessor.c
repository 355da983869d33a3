#include <stdio.h>
#include <stdlib.h>  /* accepted and ignored */
#define WIDTH 8      // the width of a row
#define HEIGHT WIDTH
#define NEG -12
#define LETTER 'B'
#define BIG 1000000000000

int main(void) {
    printf("%d x %d = %d\n", WIDTH, HEIGHT, WIDTH * HEIGHT);
    printf("%d %c %ld\n", NEG, LETTER, BIG * 3);
    printf("hex %d, octal %d, long %ld\n", 0x1F, 017, 42L);
    printf("adjacent " "strings " "join\n");
    return 0;
}
