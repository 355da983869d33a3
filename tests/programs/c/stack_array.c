#include <stdio.h>

#define CAPACITY 16

int stack[CAPACITY];
int top = 0;

void push(int v) {
    stack[top++] = v;
}

int pop(void) {
    return stack[--top];
}

int empty(void) {
    return top == 0;
}

/* Evaluates 3 4 + 2 * 7 - in reverse Polish notation. */
int main(void) {
    push(3);
    push(4);
    push(pop() + pop());
    push(2);
    push(pop() * pop());
    push(7);
    int b = pop(), a = pop();
    push(a - b);
    printf("result %d\n", pop());
    printf("empty %d\n", empty());
    for (int i = 1; i <= 5; i++)
        push(i * i);
    while (!empty())
        printf("%d ", pop());
    printf("\n");
    return 0;
}
