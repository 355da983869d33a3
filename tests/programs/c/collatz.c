#include <stdio.h>

int steps(long n) {
    int count = 0;
    while (n != 1) {
        if (n % 2 == 0)
            n /= 2;
        else
            n = 3 * n + 1;
        count++;
    }
    return count;
}

int main(void) {
    int best = 1, best_steps = 0;
    for (int n = 1; n < 100; n++) {
        int s = steps(n);
        if (s > best_steps) {
            best = n;
            best_steps = s;
        }
    }
    printf("below 100, %d takes the most steps: %d\n", best, best_steps);
    printf("27 takes %d steps\n", steps(27));
    return 0;
}
