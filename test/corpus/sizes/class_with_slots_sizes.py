# class objects with and without instance dicts: shared keys count in the class's size
import sys
class WithDict:
    pass
class NoDict:
    __slots__ = ()
class OneSlot:
    __slots__ = ('a',)
class DictSlot:
    __slots__ = ('a', '__dict__')
print(sys.getsizeof(WithDict), sys.getsizeof(NoDict), sys.getsizeof(OneSlot), sys.getsizeof(DictSlot))
print(sys.getsizeof(WithDict) - sys.getsizeof(NoDict))
class Sub(NoDict):
    pass
print(sys.getsizeof(Sub))
print(sys.getsizeof(NoDict()), sys.getsizeof(OneSlot()), sys.getsizeof(DictSlot()))
