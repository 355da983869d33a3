#include <stdio.h>

int is_odd(int n);

int is_even(int n) {
    if (n == 0)
        return 1;
    return is_odd(n - 1);
}

int is_odd(int n) {
    if (n == 0)
        return 0;
    return is_even(n - 1);
}

int ackermann(int m, int n) {
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

int main(void) {
    for (int i = 0; i < 6; i++)
        printf("%d is %s\n", i, is_even(i) ? "even" : "odd");
    printf("ackermann(2, 3) = %d\n", ackermann(2, 3));
    printf("ackermann(3, 2) = %d\n", ackermann(3, 2));
    return 0;
}
