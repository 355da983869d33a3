#include <stdio.h>

/* Before C23, `()` in a declaration says nothing about the parameters. */
int add();
void show();
int total();

int main() {
    int data[3] = {4, 5, 6};
    show(add(2, 3));
    show(total(data, 3));
    return 0;
}

int add(int a, int b) {
    return a + b;
}

void show(int v) {
    printf("value %d\n", v);
}

int total(int a[], int n) {
    int s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return s;
}
