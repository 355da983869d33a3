#include <stdio.h>

#define SIZE 4

int queue[SIZE];
int head = 0, count = 0;

int enqueue(int v) {
    if (count == SIZE)
        return 0;
    queue[(head + count) % SIZE] = v;
    count++;
    return 1;
}

int dequeue(void) {
    int v = queue[head];
    head = (head + 1) % SIZE;
    count--;
    return v;
}

int main(void) {
    for (int i = 1; i <= 6; i++)
        printf("enqueue %d: %s\n", i, enqueue(i * 10) ? "ok" : "full");
    printf("dequeue %d\n", dequeue());
    printf("dequeue %d\n", dequeue());
    enqueue(70);
    enqueue(80);
    while (count > 0)
        printf("%d ", dequeue());
    printf("\nhead at %d\n", head);
    return 0;
}
