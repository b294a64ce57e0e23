# a dict with str keys grows its keys table when two thirds full: the sizes at each step
import sys
d = {}
last = sys.getsizeof(d)
print(0, last)
for i in range(1, 100):
    d['k%d' % i] = i
    size = sys.getsizeof(d)
    if size != last:
        print(i, size)
        last = size
print(len(d), sys.getsizeof(d))
