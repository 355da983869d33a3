#include <stdio.h>

long memo[80];

long fib(int n) {
    if (n < 2)
        return n;
    if (memo[n] != 0)
        return memo[n];
    memo[n] = fib(n - 1) + fib(n - 2);
    return memo[n];
}

int main(void) {
    printf("fib(50) = %ld\n", fib(50));
    printf("fib(79) = %ld\n", fib(79));
    int filled = 0;
    for (int i = 0; i < 80; i++)
        if (memo[i])
            filled++;
    printf("%d entries memoised\n", filled);
    return 0;
}
