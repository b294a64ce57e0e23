# a generator embeds its frame: it grows with the function's locals and stack
import sys
def g0():
    yield 1
def g3(a, b):
    c = a + b
    yield c
def g6(a, b, c, d, e, f):
    yield a + b + c + d + e + f
print(sys.getsizeof(g0()), sys.getsizeof(g3(1, 2)), sys.getsizeof(g6(1, 2, 3, 4, 5, 6)))
gen = g3(1, 2)
print(sys.getsizeof(gen))
next(gen)
print(sys.getsizeof(gen))
for _ in gen:
    pass
print(sys.getsizeof(gen))
print(sys.getsizeof(x for x in range(10)), sys.getsizeof(x * 2 for x in 'abc'))
print(sys.getsizeof(list(range(1000))) > sys.getsizeof(x for x in range(1000)))
