#include <stdio.h>

int main(void) {
    int count;
    long balance = 0;
    int deposits = 0, withdrawals = 0, refused = 0;
    scanf("%d", &count);
    for (int i = 0; i < count; i++) {
        long amount;
        scanf("%ld", &amount);
        if (amount >= 0) {
            balance += amount;
            deposits++;
        } else if (balance + amount < 0) {
            refused++;
        } else {
            balance += amount;
            withdrawals++;
        }
        printf("after %2d: %8ld\n", i + 1, balance);
    }
    printf("%d deposits, %d withdrawals, %d refused\n", deposits, withdrawals, refused);
    return 0;
}
