# getsizeof calls __sizeof__ and adds the GC header and pre-header CPython keeps before the object
import sys
class Big:
    def __sizeof__(self):
        return 1000
class Zero:
    __slots__ = ()
    def __sizeof__(self):
        return 0
print(sys.getsizeof(Big()), sys.getsizeof(Zero()))
print(sys.getsizeof(Big()) - Big().__sizeof__(), sys.getsizeof(Zero()) - Zero().__sizeof__())
print(sys.getsizeof([]) - [].__sizeof__(), sys.getsizeof(()) - ().__sizeof__(), sys.getsizeof(1) - (1).__sizeof__())
print(sys.getsizeof({}) - {}.__sizeof__(), sys.getsizeof('') - ''.__sizeof__(), sys.getsizeof(1.0) - (1.0).__sizeof__())
class L(list):
    def __sizeof__(self):
        return super().__sizeof__() + 7
print(sys.getsizeof(L()), sys.getsizeof(L([1, 2])))
