# A generator's size includes its frame: 3.12+ inlines comprehensions, whose variables and stack join that frame
import sys

def plain():
    yield 1

def with_listcomp():
    yield [a for a in range(3)]

def with_nested():
    yield [[(a, b, c) for c in range(2)] for a in range(2) for b in range(2)]

def with_genexp():
    yield list(a for a in range(3))

def with_dictcomp():
    yield {k: v for k, v in zip('ab', 'cd')}

for fn in (plain, with_listcomp, with_nested, with_genexp, with_dictcomp):
    g = fn()
    code = fn.__code__
    print(fn.__name__, sys.getsizeof(g), code.co_nlocals, code.co_stacksize)
    next(g)
    print(' after next', sys.getsizeof(g))
