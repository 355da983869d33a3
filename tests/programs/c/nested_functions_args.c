#include <stdio.h>

int add(int a, int b) { return a + b; }
int mul(int a, int b) { return a * b; }
int square(int x) { return mul(x, x); }
void nothing(void) { }
void greet(int times) {
    for (int i = 0; i < times; i++)
        printf("hello ");
    printf("\n");
    return;
}

int main(void) {
    printf("%d\n", add(mul(3, 4), square(add(1, 2))));
    printf("%d\n", square(square(square(2))));
    nothing();
    greet(3);
    int r = add(1, add(2, add(3, add(4, 5))));
    printf("%d\n", r);
    return 0;
}
