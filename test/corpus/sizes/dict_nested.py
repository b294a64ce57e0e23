# getsizeof of a dict counts its table, not the keys and values it points to
import sys
inner = {'x': list(range(100))}
outer = {'a': inner, 'b': inner}
print(sys.getsizeof(inner), sys.getsizeof(outer), sys.getsizeof(inner['x']))
records = [{'id': i, 'name': 'n%d' % i} for i in range(3)]
print([sys.getsizeof(r) for r in records], sys.getsizeof(records))
matrix = {(i, j): i * j for i in range(4) for j in range(4)}
print(len(matrix), sys.getsizeof(matrix))
print(sys.getsizeof(matrix.keys()), sys.getsizeof(matrix.values()), sys.getsizeof(matrix.items()))
print(sys.getsizeof(list(matrix)), sys.getsizeof(list(matrix.items())))
print(sys.getsizeof(iter(matrix)), sys.getsizeof(iter(matrix.items())))
