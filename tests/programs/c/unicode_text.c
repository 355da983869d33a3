#include <stdio.h>

int main(void) {
    printf("[%8s] [%-8s]\n", "Lovelace", "Ada");
    printf("[%8s] [%-8s]\n", "Ménabréa", "Zürich");
    puts("Analytical Engine — 1837");
    printf("%s\n", 1 > 0 ? "π ≈ 3" : "?");
    return 0;
}
