#include <stdio.h>

void describe(int n) {
    switch (n) {
    case 0:
        printf("zero");
        break;
    case 1:
    case 3:
    case 5:
        printf("small odd");
        break;
    default:
        printf("other");
        break;
    case 2:
        printf("two, ");
    case 4:
        printf("small even");
    }
    printf("\n");
}

int days_in(int month) {
    int days = 31;
    switch (month) {
    case 2:
        days = 28;
        break;
    case 4: case 6: case 9: case 11:
        days = 30;
    }
    return days;
}

int main(void) {
    for (int i = 0; i <= 6; i++) {
        printf("%d: ", i);
        describe(i);
    }
    int total = 0;
    for (int m = 1; m <= 12; m++)
        total += days_in(m);
    printf("a year has %d days\n", total);
    int x = 3, score = 0;
    switch (x) {
    case 3:
        score += 3;
    case 2:
        score += 2;
    case 1:
        score += 1;
    }
    printf("score %d\n", score);
    return 0;
}
