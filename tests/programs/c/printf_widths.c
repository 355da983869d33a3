#include <stdio.h>

int main(void) {
    int values[6] = {0, 7, -7, 42, -12345, 1000000};
    for (int i = 0; i < 6; i++)
        printf("[%5d] [%-5d] [%05d] [%1d] [%d]\n", values[i], values[i], values[i], values[i], values[i]);
    long big = 1234567890123;
    printf("[%15ld] [%-15ld] [%015ld]\n", big, big, -big);
    printf("[%3c] [%-3c] [%c]\n", 'x', 'y', 'z');
    printf("[%8s] [%-8s] [%2s]\n", "right", "left", "wide");
    printf("100%% done, %d%%\n", 50);
    printf("tab\there, backslash \\, quote \" and '\n");
    return 0;
}
