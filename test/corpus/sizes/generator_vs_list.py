# a generator's size stays the same however many items it will produce; the list grows
import sys
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1
for n in (10, 100, 1000, 10000):
    g = numbers(n)
    print(n, sys.getsizeof(g), sys.getsizeof(list(numbers(n))))
def pairs(seq):
    for a in seq:
        for b in seq:
            yield a, b
print(sys.getsizeof(pairs('abc')), sys.getsizeof(list(pairs('abc'))))
print(sys.getsizeof(sum(numbers(100))))
