# slices and repetition allocate exactly the items they hold
import sys
base = list(range(20))
for stop in (0, 1, 5, 10, 20):
    print(stop, sys.getsizeof(base[:stop]))
print(sys.getsizeof(base[::2]), sys.getsizeof(base[::-1]), sys.getsizeof(base[5:15:3]))
for n in (0, 1, 3, 10, 100):
    print(n, sys.getsizeof([None] * n), sys.getsizeof([1, 2] * n))
print(sys.getsizeof(base + base), sys.getsizeof(base[:] + [1]))
c = base.copy()
print(sys.getsizeof(c))
