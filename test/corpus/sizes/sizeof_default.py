# object.__sizeof__ gives the type's basic size; containers report what they own
import sys
print(object.__sizeof__(object()), object.__sizeof__([]), object.__sizeof__({}))
print([].__sizeof__(), [1, 2, 3].__sizeof__(), ().__sizeof__(), (1, 2).__sizeof__())
print({}.__sizeof__(), {'a': 1}.__sizeof__(), set().__sizeof__(), set(range(10)).__sizeof__())
print(''.__sizeof__(), 'abc'.__sizeof__(), b'abc'.__sizeof__(), bytearray(b'abc').__sizeof__())
print((0).__sizeof__(), (2 ** 100).__sizeof__(), (1.0).__sizeof__(), (1j).__sizeof__())
print(range(5).__sizeof__(), slice(1).__sizeof__(), None.__sizeof__(), True.__sizeof__())
class C:
    pass
print(C().__sizeof__(), C.__sizeof__(C()))
