# Nested loops printing a multiplication table and a triangle, with aligned columns.
size = 5
print('   |' + ''.join(f'{c:4}' for c in range(1, size + 1)))
print('---+' + '-' * 4 * size)
for r in range(1, size + 1):
    print(f'{r:2} |' + ''.join(f'{r * c:4}' for c in range(1, size + 1)))
for i in range(1, 5):
    print(' ' * (4 - i) + '*' * (2 * i - 1))
pairs = []
for a in range(3):
    for b in range(3):
        if a < b:
            pairs.append((a, b))
print(pairs)
print([(a, b) for a in range(3) for b in range(3) if a < b] == pairs)
