#include <stdio.h>

int main(void) {
    int skipped = 0;
    for (int i = 0; i < 6; i++) {
        switch (i % 3) {
        case 0:
            switch (i) {
            case 0:
                printf("zero ");
                break;
            default:
                printf("three ");
            }
            break;
        case 1:
            skipped++;
            continue;
        default:
            printf("[%d] ", i);
        }
        printf("end%d ", i);
    }
    printf("\nskipped %d\n", skipped);
    return 0;
}
