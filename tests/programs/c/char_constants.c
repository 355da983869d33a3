#include <stdio.h>

int main(void) {
    for (int c = 'a'; c <= 'z'; c++)
        putchar(c);
    putchar('\n');
    int upper = 'q' - 'a' + 'A';
    printf("%c is %d\n", upper, upper);
    printf("digit '7' is %d\n", '7' - '0');
    printf("tab:[%c] backslash:[%c] quote:[%c] dquote:[%c]\n", '\t', '\\', '\'', '"');
    printf("newline is %d, zero is %d\n", '\n', '\0');
    int caesar = 'x' + 3;
    if (caesar > 'z')
        caesar -= 26;
    printf("x shifted by 3 is %c\n", caesar);
    return 0;
}
