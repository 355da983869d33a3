#include <stdio.h>

#define LIMIT 200

int composite[LIMIT + 1];

int main(void) {
    int count = 0;
    for (int i = 2; i * i <= LIMIT; i++)
        if (!composite[i])
            for (int j = i * i; j <= LIMIT; j += i)
                composite[j] = 1;
    for (int i = 2; i <= LIMIT; i++) {
        if (!composite[i]) {
            printf("%4d", i);
            count++;
            if (count % 10 == 0)
                printf("\n");
        }
    }
    printf("\n%d primes up to %d\n", count, LIMIT);
    return 0;
}
