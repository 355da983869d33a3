#include <stdio.h>

int main(void) {
    for (int i = 0; i < 10; i++) {
        if (i % 3 == 0)
            continue;
        if (i > 7)
            break;
        printf("%d ", i);
    }
    printf("\n");
    int found = 0;
    for (int a = 1; a < 20 && !found; a++)
        for (int b = a; b < 20; b++) {
            int c2 = a * a + b * b;
            int c = 1;
            while (c * c < c2)
                c++;
            if (c * c == c2 && a > 4) {
                printf("triple %d %d %d\n", a, b, c);
                found = 1;
                break;
            }
        }
    int n = 0;
    while (1) {
        n++;
        if (n % 2)
            continue;
        if (n > 10)
            break;
        printf("%d ", n);
    }
    printf("\n");
    int k = 0;
    do {
        k++;
        if (k == 2)
            continue;
        printf("k=%d ", k);
    } while (k < 4);
    printf("\n");
    return 0;
}
