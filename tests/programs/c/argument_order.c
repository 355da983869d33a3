#include <stdio.h>
/* C leaves the order of argument evaluation open; gcc evaluates call arguments right
   to left, and operands of + and - left to right. */
int n = 0;
int next(void) { return ++n; }
int two(int a, int b) { return a * 10 + b; }
int three(int a, int b, int c) { return a * 100 + b * 10 + c; }
int main(void) {
    printf("%d %d %d\n", next(), next(), next());
    n = 0; printf("%d\n", two(next(), next()));
    n = 0; printf("%d\n", three(next(), next(), next()));
    n = 0; printf("%d\n", next() * 10 + next());
    n = 0; printf("%d\n", next() - next());
    n = 0; int a[3] = {0}; a[next()] = next(); printf("%d %d %d\n", a[0], a[1], a[2]);
    n = 0; printf("%d\n", two(next(), 5) + two(7, next()));
    n = 0; printf("%d %d\n", n, next());
    return 0;
}
