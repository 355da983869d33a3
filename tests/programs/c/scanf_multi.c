#include <stdio.h>

int main(void) {
    int n;
    scanf("%d", &n);
    int data[10];
    for (int i = 0; i < n; i++)
        scanf("%d", &data[i]);
    long a, b;
    int c;
    scanf("%ld %ld %d", &a, &b, &c);
    int total = 0;
    for (int i = 0; i < n; i++)
        total += data[i];
    printf("read %d numbers, total %d\n", n, total);
    printf("a*b+c = %ld\n", a * b + c);
    int x, y;
    scanf("%d%d", &x, &y);
    printf("x=%d y=%d\n", x, y);
    return 0;
}
