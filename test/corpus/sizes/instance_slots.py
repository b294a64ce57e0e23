# __slots__ puts attributes in the object, one word each, and drops the dict
import sys
class P2:
    __slots__ = ('x', 'y')
    def __init__(self):
        self.x = 1
        self.y = 2
class P5:
    __slots__ = ('a', 'b', 'c', 'd', 'e')
class P0:
    __slots__ = ()
print(sys.getsizeof(P0()), sys.getsizeof(P2()), sys.getsizeof(P5()))
class Sub(P2):
    __slots__ = ('z',)
print(sys.getsizeof(Sub()))
class SubDict(P2):
    pass
print(sys.getsizeof(SubDict()))
class WithDict:
    __slots__ = ('x', '__dict__')
class WithWeak:
    __slots__ = ('x', '__weakref__')
print(sys.getsizeof(WithDict()), sys.getsizeof(WithWeak()))
print(hasattr(P2(), '__dict__'), hasattr(WithDict(), '__dict__'))
