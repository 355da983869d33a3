#include <stdio.h>

int moves = 0;

void hanoi(int n, int from, int to, int via) {
    if (n == 0)
        return;
    hanoi(n - 1, from, via, to);
    moves++;
    if (moves <= 7)
        printf("move disk %d from %c to %c\n", n, 'A' + from, 'A' + to);
    hanoi(n - 1, via, to, from);
}

int main(void) {
    hanoi(3, 0, 2, 1);
    printf("3 disks: %d moves\n", moves);
    moves = 0;
    hanoi(10, 0, 2, 1);
    printf("10 disks: %d moves\n", moves);
    return 0;
}
