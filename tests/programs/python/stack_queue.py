stack = []
for v in [3, 1, 4, 1, 5]:
    stack.append(v)
while stack:
    print(stack.pop(), end=" ")
print()
queue = [10, 20, 30]
queue.append(40)
while len(queue) > 0:
    front = queue.pop(0)
    print("served", front)
