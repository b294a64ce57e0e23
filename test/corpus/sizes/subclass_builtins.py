# instances of builtin subclasses: the builtin's layout plus what the class adds
import sys
class MyList(list):
    pass
class MyDict(dict):
    pass
class MyInt(int):
    pass
class MyTuple(tuple):
    pass
class MyStrSet(set):
    pass
print(sys.getsizeof(MyList()), sys.getsizeof(MyList([1, 2, 3])))
print(sys.getsizeof(MyDict()), sys.getsizeof(MyDict(a=1)))
print(sys.getsizeof(MyInt(5)), sys.getsizeof(MyInt(2 ** 40)))
print(sys.getsizeof(MyTuple()), sys.getsizeof(MyTuple((1, 2))))
print(sys.getsizeof(MyStrSet()), sys.getsizeof(MyStrSet(range(10))))
class SlotList(list):
    __slots__ = ()
print(sys.getsizeof(SlotList()), sys.getsizeof(SlotList([1])))
