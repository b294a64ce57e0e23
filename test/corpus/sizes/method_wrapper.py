# a slot wrapper bound to an object is a method-wrapper: it holds the object, and is made anew on each access
import sys
addr = lambda s: s.split(' at 0x')[0]
print(type(int.__add__).__name__, int.__add__)
print(type(list.__getitem__).__name__, type(str.__getitem__).__name__, type(dict.__contains__).__name__)
a = (1).__add__
print(type(a).__name__, a(2), a.__name__, a.__qualname__, a.__self__, a.__objclass__)
print(sys.getsizeof(a))
items = [1, 2, 3]
before = sys.getrefcount(items)
m = items.__len__
print(sys.getrefcount(items) - before, m(), addr(repr(m)))
print(m == items.__len__, m is items.__len__, m == [].__len__, m != items.__len__)
print(items.__len__ == items.__iter__, m.__self__ is items)
del m
print(sys.getrefcount(items) - before)
class C:
    pass
c = C()
e = c.__eq__
print(type(e).__name__, e(c), e(1), type(C.__eq__).__name__, addr(repr(e)))
print(type(c.__init__).__name__, type(C.__init__).__name__, type(c.__str__).__name__)
print(int.__add__(3, 4), list.__len__([1, 2]), str.__mul__('ab', 2))
w = (5).__neg__
print(w(), sys.getsizeof(w) == sys.getsizeof(a), hash(w) == hash((5).__neg__))
print(type(object.__init__).__name__, type(object().__str__).__name__, type(list.__getitem__).__name__)
print(type([].__getitem__).__name__, type({}.__contains__).__name__, type([].__setitem__).__name__)
try:
    int.__add__('x', 1)
except TypeError as exc:
    print(exc)
try:
    int.__add__()
except TypeError as exc:
    print(exc)
