#include <stdio.h>

int main(void) {
    int a, b, c;
    a = b = c = 7;
    printf("%d %d %d\n", a, b, c);
    int x = 0;
    int y = (x = 5) + 1;
    printf("x=%d y=%d\n", x, y);
    int n = 10, steps = 0;
    while ((n = n / 2) > 0)
        steps++;
    printf("steps=%d n=%d\n", steps, n);
    int arr[3];
    arr[0] = arr[1] = arr[2] = -1;
    printf("%d %d %d\n", arr[0], arr[1], arr[2]);
    int k = 2;
    int z = (k += 3) * 2;
    printf("k=%d z=%d\n", k, z);
    return 0;
}
