# the cost of one record with __slots__ against one with a dict, as the field count grows
import sys
def make(n, slots):
    names = tuple('f%d' % i for i in range(n))
    ns = {'__slots__': names} if slots else {}
    cls = type('R%d%s' % (n, slots), (), ns)
    obj = cls()
    for name in names:
        setattr(obj, name, 0)
    return obj
for n in (1, 2, 4, 8):
    s = make(n, True)
    d = make(n, False)
    print(n, sys.getsizeof(s), sys.getsizeof(d), sys.getsizeof(d.__dict__))
