# Building, reading and updating dictionaries.
counts = {}
for i in range(1000000):
    key = i % 1000
    counts[key] = counts.get(key, 0) + 1
squares = {k: v * v for k, v in counts.items()}
print(len(counts), sum(squares.values()))
