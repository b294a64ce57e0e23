# comprehensions append one item at a time, so they over-allocate like append
import sys
for n in (0, 1, 2, 4, 5, 8, 9, 16, 17, 25, 100):
    print(n, sys.getsizeof([i for i in range(n)]), sys.getsizeof(list(range(n))))
print(sys.getsizeof([x * 2 for x in 'abcdef']))
print(sys.getsizeof([x for x in range(20) if x % 3 == 0]))
print(sys.getsizeof([[y for y in range(3)] for x in range(2)]))
print(sys.getsizeof([(a, b) for a in range(3) for b in range(3)]))
