# Lists of lists as matrices: transpose with zip, multiplication with comprehensions.
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]


def transpose(m):
    return [list(row) for row in zip(*m)]


def multiply(x, y):
    cols = transpose(y)
    return [[sum(p * q for p, q in zip(row, col)) for col in cols] for row in x]


print('transpose a:', transpose(a))
product = multiply(a, b)
for row in product:
    print(' '.join(f'{v:4d}' for v in row))
identity = [[int(i == j) for j in range(3)] for i in range(3)]
print('a x I == a:', multiply(a, identity) == a)
print('diagonal:', [identity[i][i] for i in range(3)])
flat = [v for row in a for v in row]
print('flattened:', flat, 'max:', max(flat))
