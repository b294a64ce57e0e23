# Tuple packing, unpacking, star-unpacking and nested unpacking.
point = 3, 4
x, y = point
print('point:', point, x, y)
first, *middle, last = range(6)
print('star:', first, middle, last)
(a, b), c = (1, 2), 3
print('nested:', a, b, c)
records = [('ada', 36, 'london'), ('alan', 41, 'manchester')]
for name, age, city in records:
    print(f'{name} ({age}) from {city}')
head, *tail = 'x'
print('single item:', head, tail)
print('swap:', (lambda p, q: (q, p))(1, 2))
merged = (*point, *[5, 6])
print('star in a tuple display:', merged)
print('count and index:', (1, 2, 2, 3).count(2), (1, 2, 3).index(3))
print('comparison is lexicographic:', (1, 2, 3) < (1, 3), (2,) > (1, 99))
