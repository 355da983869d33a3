#include <stdio.h>

int main(void) {
    int squares[5];
    for (int i = 0; i <= 5; i++) {
        squares[i] = i * i;
        printf("%d\n", squares[i]);
    }
    return 0;
}
