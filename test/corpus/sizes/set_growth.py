# a set keeps 8 entries inside the object; beyond that its table grows fourfold
import sys
s = set()
last = sys.getsizeof(s)
print(0, last)
for i in range(1, 300):
    s.add(i)
    size = sys.getsizeof(s)
    if size != last:
        print(i, size)
        last = size
f = frozenset(s)
print(len(f), sys.getsizeof(f))
