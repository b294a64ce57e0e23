# Who holds an annotation's value: the function's dict from the def on (3.11-3.13), only once asked for (3.14)
import gc
import sys


class Marker:
    pass


before = sys.getrefcount(Marker)


def f(a: Marker, b: Marker) -> Marker:
    return a


def referent_types(obj):
    # what holds Marker among the function's referents, and whether one of them is a function (__annotate__)
    holding = [r for r in gc.get_referents(obj) if isinstance(r, (dict, tuple)) and Marker in (r.values() if isinstance(r, dict) else r)]
    functions = [r.__name__ for r in gc.get_referents(obj) if type(r).__name__ == 'function']
    return len(holding), functions


print('after def', sys.getrefcount(Marker) - before)
print(referent_types(f))
annotations = f.__annotations__
print('after access', sys.getrefcount(Marker) - before, sys.getrefcount(annotations))
print(referent_types(f))
del annotations
f.__annotations__ = None
print('after reset', sys.getrefcount(Marker) - before, referent_types(f))
print(f.__annotations__, 'then', referent_types(f))

holders = [type(r).__name__ for r in gc.get_referrers(Marker) if isinstance(r, dict) and 'a' in r]
print('dicts holding Marker:', holders)


class Record:
    first: Marker
    second: Marker


print('after class', sys.getrefcount(Marker) - before)
print(len(Record.__annotations__), 'after class access', sys.getrefcount(Marker) - before)
