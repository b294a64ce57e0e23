# int keys need entries with the hash (3 words, not 2): bigger tables than str keys
import sys
d = {}
last = sys.getsizeof(d)
print(0, last)
for i in range(1, 100):
    d[i] = None
    size = sys.getsizeof(d)
    if size != last:
        print(i, size)
        last = size
print(sys.getsizeof({1: 1}), sys.getsizeof({'a': 1}), sys.getsizeof({1.5: 1}), sys.getsizeof({(1, 2): 1}))
