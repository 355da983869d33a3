#include <stdio.h>

int main(void) {
    int a[4] = {7, -7, 7, -7};
    int b[4] = {2, 2, -2, -2};
    for (int i = 0; i < 4; i++)
        printf("%d / %d = %d, %d %% %d = %d\n", a[i], b[i], a[i] / b[i], a[i], b[i], a[i] % b[i]);
    printf("%d %d\n", -1 / 3, -1 % 3);
    printf("%d\n", (-17 / 5) * 5 + (-17 % 5));
    return 0;
}
