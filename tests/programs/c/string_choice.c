#include <stdio.h>

int main(void) {
    for (int n = 0; n < 4; n++)
        printf("%d item%s\n", n, n == 1 ? "" : "s");
    for (int t = -5; t <= 35; t += 20)
        printf("%3d degrees is %-6s|\n", t, t < 0 ? "cold" : t < 25 ? "mild" : "hot");
    int ok = 1;
    puts(ok ? "all good" : "trouble");
    puts(!ok ? "all good" : "trouble");
    return 0;
}
