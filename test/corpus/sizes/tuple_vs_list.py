# the same items cost less in a tuple than in a list
import sys
for n in (0, 1, 5, 10, 100):
    items = range(n)
    t = tuple(items)
    l = list(items)
    print(n, sys.getsizeof(t), sys.getsizeof(l), sys.getsizeof(l) - sys.getsizeof(t))
l = []
for i in range(10):
    l.append(i)
print(sys.getsizeof(l), sys.getsizeof(tuple(l)))
pairs = [(i, i) for i in range(3)]
print([sys.getsizeof(p) for p in pairs], sys.getsizeof(pairs))
