#include <stdio.h>
#include <stdlib.h>

#define ROWS 4
#define COLS 6
#define OFFSET (-3)
#define MARK '*'

int grid[ROWS * COLS];

int main(void) {
    for (int r = 0; r < ROWS; r++)
        for (int c = 0; c < COLS; c++)
            grid[r * COLS + c] = r * c + OFFSET;
    for (int r = 0; r < ROWS; r++) {
        for (int c = 0; c < COLS; c++)
            printf("%3d", grid[r * COLS + c]);
        putchar('\n');
    }
    for (int i = 0; i < COLS; i++)
        putchar(MARK);
    putchar('\n');
    printf("cells: %d\n", ROWS * COLS);
    return 0;
}
