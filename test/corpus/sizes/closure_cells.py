# every variable a closure captures is a cell object; the closure tuple grows by one word per cell
import sys
def make(n):
    a = b = c = d = 0
    if n == 1:
        return lambda: a
    if n == 2:
        return lambda: a + b
    return lambda: a + b + c + d
for n in (1, 2, 4):
    fn = make(n)
    print(n, sys.getsizeof(fn), sys.getsizeof(fn.__closure__), [sys.getsizeof(c) for c in fn.__closure__])
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
inc = counter()
print(sys.getsizeof(inc.__closure__[0]), inc(), sys.getsizeof(inc.__closure__[0]))
