# list(iterable) sizes: from sized sources exactly, from iterators by over-allocation
import sys
for n in (0, 1, 4, 9, 10, 17, 50):
    print(n, sys.getsizeof(list(range(n))), sys.getsizeof(list(tuple(range(n)))))
def gen(n):
    for i in range(n):
        yield i
for n in (0, 1, 4, 9, 10, 17, 50):
    print(n, sys.getsizeof(list(gen(n))))
print(sys.getsizeof(list('abcdef')), sys.getsizeof(list({1: 2, 3: 4})))
print(sys.getsizeof(sorted([3, 1, 2])), sys.getsizeof(sorted(gen(7))))
