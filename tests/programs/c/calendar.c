#include <stdio.h>

/* Prints the calendar of a month, given the weekday of its first day (0 = Monday). */
void month(int first, int days) {
    printf(" Mo Tu We Th Fr Sa Su\n");
    for (int i = 0; i < first; i++)
        printf("   ");
    for (int d = 1; d <= days; d++) {
        printf("%3d", d);
        if ((first + d) % 7 == 0)
            printf("\n");
    }
    if ((first + days) % 7 != 0)
        printf("\n");
}

int main(void) {
    month(3, 30);
    printf("\n");
    month(6, 31);
    return 0;
}
