#include <stdio.h>

void line(int n, int c) {
    for (int i = 0; i < n; i++)
        putchar(c);
    putchar('\n');
}

int main(void) {
    puts("Babbage");
    puts("");
    line(7, '=');
    puts("The Analytical Engine weaves algebraic patterns");
    puts("just as the Jacquard loom weaves flowers and leaves.");
    line(3, '-');
    putchar('A');
    putchar(66);
    putchar('C' + 1);
    putchar('\n');
    return 0;
}
