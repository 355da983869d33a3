#include <stdio.h>

#define N 3

void multiply(const int a[], const int b[], int out[]) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int s = 0;
            for (int k = 0; k < N; k++)
                s += a[i * N + k] * b[k * N + j];
            out[i * N + j] = s;
        }
}

void print_matrix(const int m[]) {
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++)
            printf("%5d", m[i * N + j]);
        printf("\n");
    }
}

int main(void) {
    int a[N * N] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    int id[N * N] = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    int out[N * N];
    multiply(a, id, out);
    print_matrix(out);
    multiply(a, a, out);
    print_matrix(out);
    int tmp[N * N];
    multiply(out, a, tmp);
    print_matrix(tmp);
    return 0;
}
