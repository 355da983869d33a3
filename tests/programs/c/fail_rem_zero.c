#include <stdio.h>

int main(void) {
    int divisors[4] = {3, 2, 1, 0};
    for (int i = 0; i < 4; i++)
        printf("17 %% %d = %d\n", divisors[i],
               17 % divisors[i]);
    return 0;
}
