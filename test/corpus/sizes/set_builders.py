# sets built from displays, iterables and comprehensions
import sys
print(sys.getsizeof(set()), sys.getsizeof({1}), sys.getsizeof({1, 2, 3, 4, 5}))
for n in (0, 4, 5, 8, 10, 20, 40, 100):
    print(n, sys.getsizeof(set(range(n))), sys.getsizeof({i for i in range(n)}), sys.getsizeof(frozenset(range(n))))
print(sys.getsizeof(set('hello world')), sys.getsizeof(frozenset()))
a = set(range(10))
b = set(range(5, 15))
print(sys.getsizeof(a | b), sys.getsizeof(a & b), sys.getsizeof(a - b), sys.getsizeof(a ^ b))
