# one non-str key turns a str-keyed table into a general one, resized
import sys
d = {'a': 1, 'b': 2}
print(sys.getsizeof(d))
d[3] = 3
print(sys.getsizeof(d))
d['c'] = 4
print(sys.getsizeof(d))
e = {}
for i in range(6):
    e['s%d' % i] = i
print(sys.getsizeof(e))
e[None] = 0
print(sys.getsizeof(e))
f = {1: 1}
f['x'] = 2
print(sys.getsizeof(f))
g = {'x': 1}
g['x'] = 5
print(sys.getsizeof(g))
