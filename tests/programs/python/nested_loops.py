for i in range(1, 6):
    for j in range(1, 6):
        print(i * j, end="\t" if j < 5 else "\n")
count = 0
for a in range(1, 20):
    for b in range(a, 20):
        for c in range(b, 30):
            if a * a + b * b == c * c:
                count += 1
                print(a, b, c)
print(count, "triples")
