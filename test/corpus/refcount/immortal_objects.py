# Taking references to None, True, small ints and interned strings: counted on 3.11, immortal from 3.12 on.
import sys


def delta(obj, copies=1000):
    before = sys.getrefcount(obj)
    refs = [obj] * copies
    after = sys.getrefcount(obj)
    del refs
    return after - before


class Plain:
    pass


print('None:', delta(None))
print('True:', delta(True))
print('small int 7:', delta(7))
print('interned str:', delta('name'))
print('empty tuple:', delta(()))
print('ordinary object:', delta(Plain()))
print('large int made at run time:', delta(int('123456789123')))
print('None count is huge:', sys.getrefcount(None) >= 2 ** 29)
