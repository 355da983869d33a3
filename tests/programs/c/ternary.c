#include <stdio.h>

int sign(int x) {
    return x > 0 ? 1 : x < 0 ? -1 : 0;
}

int max3(int a, int b, int c) {
    return a > b ? (a > c ? a : c) : (b > c ? b : c);
}

int main(void) {
    printf("%d %d %d\n", sign(-7), sign(0), sign(12));
    printf("max3 = %d\n", max3(4, 9, 2));
    printf("max3 = %d\n", max3(10, 9, 2));
    for (int i = 1; i <= 15; i++)
        printf("%s%s", i % 15 == 0 ? "FizzBuzz" : i % 3 == 0 ? "Fizz" : i % 5 == 0 ? "Buzz" : "", i % 3 && i % 5 ? "" : " ");
    printf("\n");
    for (int i = 1; i <= 15; i++)
        if (i % 3 && i % 5)
            printf("%d ", i);
    printf("\n");
    return 0;
}
