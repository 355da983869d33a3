#include <stdio.h>

void hello(void) {
    printf("hello\n");
}

int main(void) {
    int x = hello();
    return x;
}
