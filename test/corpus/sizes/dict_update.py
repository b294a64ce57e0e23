# update() and ** merges: an empty dict clones, a filled one resizes once up front
import sys
a = {'x': 1, 'y': 2, 'z': 3}
b = {}
b.update(a)
print(sys.getsizeof(a), sys.getsizeof(b))
c = {'w': 0}
c.update(a)
print(sys.getsizeof(c))
big = {i: i for i in range(20)}
d = {'q': 1}
d.update(big)
print(sys.getsizeof(big), sys.getsizeof(d))
m = {**a, **big}
print(sys.getsizeof(m))
print(sys.getsizeof({**a}), sys.getsizeof(dict(a, extra=1)))
e = {}
e.update([(1, 2), (3, 4), (5, 6)])
print(sys.getsizeof(e))
e.update(k=1)
print(sys.getsizeof(e))
