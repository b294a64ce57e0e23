# Integer arithmetic in nested loops.
total = 0
for i in range(30000):
    for j in range(100):
        total += (i * j) % 7
print(total)
