#include <stdio.h>

int counter;
long total = 1000;
int history[8];
int recorded = 0;

void record(int v) {
    history[recorded % 8] = v;
    recorded++;
    counter += v;
    total -= v;
}

int main(void) {
    for (int i = 1; i <= 10; i++)
        record(i * i);
    printf("counter = %d, total = %ld, recorded = %d\n", counter, total, recorded);
    for (int i = 0; i < 8; i++)
        printf("%d ", history[i]);
    printf("\n");
    return 0;
}
