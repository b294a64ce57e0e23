# weak references are small objects of their own; a referent does not grow for having them
import sys, weakref
class Target:
    pass
t = Target()
before = sys.getsizeof(t)
r = weakref.ref(t)
print(sys.getsizeof(r), before == sys.getsizeof(t))
r2 = weakref.ref(t, lambda ref: None)
print(sys.getsizeof(r2))
p = weakref.proxy(t)
print(type(p).__name__)
class Slotted:
    __slots__ = ('__weakref__',)
s = Slotted()
print(sys.getsizeof(s), sys.getsizeof(weakref.ref(s)))
print(sys.getsizeof(weakref.WeakValueDictionary()) > 0)
print(sys.getsizeof(r) == sys.getsizeof(r2))
