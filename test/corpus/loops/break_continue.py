# break leaves the innermost loop, continue skips to its next iteration.
for row in range(1, 4):
    for col in range(1, 6):
        if col == row:
            continue
        if col > row + 2:
            break
        print(f'({row},{col})', end=' ')
    print()
total = 0
for n in range(20):
    if n % 3:
        continue
    total += n
    if total > 30:
        break
print('total:', total, 'stopped at', n)
found = None
for a in range(1, 10):
    for b in range(a, 10):
        if a * b == 24 and a + b == 10:
            found = (a, b)
            break
    if found:
        break
print('found:', found)
