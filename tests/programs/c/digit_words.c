#include <stdio.h>

void say(int d) {
    switch (d) {
    case 0: puts("zero"); break;
    case 1: puts("one"); break;
    case 2: puts("two"); break;
    case 3: puts("three"); break;
    case 4: puts("four"); break;
    case 5: puts("five"); break;
    case 6: puts("six"); break;
    case 7: puts("seven"); break;
    case 8: puts("eight"); break;
    case 9: puts("nine"); break;
    default: puts("?");
    }
}

int main(void) {
    int n = 1842;
    int digits[10];
    int k = 0;
    do {
        digits[k++] = n % 10;
        n /= 10;
    } while (n);
    while (k > 0)
        say(digits[--k]);
    say(-1);
    return 0;
}
