# Who holds what while a comprehension runs: 3.11's <listcomp> function and the cells it needs, 3.12+ inlined
import gc
import sys

def uses_outer():
    data = [object()]
    kinds = [sorted(type(r).__name__ for r in gc.get_referrers(data)) for _ in range(1)]
    return kinds[0], sys.getrefcount(data)

print(uses_outer())
print(uses_outer.__code__.co_cellvars)

def iterable_count():
    items = [1, 2, 3]
    return [sys.getrefcount(items) for _ in items]

print(iterable_count())

def element_count():
    objs = [object(), object()]
    return [sys.getrefcount(o) for o in objs]

print(element_count())

def running_function():
    # the function object whose code is running: 3.11 made one for the comprehension
    code = [sys._getframe().f_code for _ in range(1)][0]
    return [f.__name__ for f in gc.get_referrers(code) if type(f).__name__ == 'function']

print(running_function())

def lambdas_share_cell():
    fs = [lambda: n for n in range(3)]
    cells = {id(f.__closure__[0]) for f in fs}
    return len(cells), [f() for f in fs]

print(lambdas_share_cell())
