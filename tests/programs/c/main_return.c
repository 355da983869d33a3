#include <stdio.h>

int main() {
    int x = 6 * 7;
    printf("the answer is %d\n", x);
    if (x != 42)
        return 1;
    return 0;
}
