# a class object: the heap type, plus the shared keys table when instances have dicts
import sys
class A:
    pass
class S:
    __slots__ = ('x',)
class E(Exception):
    pass
class L(list):
    pass
print(sys.getsizeof(A), sys.getsizeof(S), sys.getsizeof(E), sys.getsizeof(L))
print(sys.getsizeof(int), sys.getsizeof(object), sys.getsizeof(type), sys.getsizeof(dict))
class Meta(type):
    pass
class M(metaclass=Meta):
    pass
print(sys.getsizeof(M))
for i in range(3):
    setattr(A(), 'x', i)
print(sys.getsizeof(A))
print(type.__sizeof__(A) == sys.getsizeof(A) - sys.getsizeof(A) + type.__sizeof__(A))
