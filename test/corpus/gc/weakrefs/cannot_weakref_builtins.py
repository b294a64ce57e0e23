# Which objects accept weak references: instances and functions do; ints, lists, tuples and dicts do not.
import weakref


class Plain:
    pass


class NoWeak:
    __slots__ = ('x',)


class WeakSlots:
    __slots__ = ('x', '__weakref__')


class MyList(list):
    pass


for value in (Plain(), len, lambda: 0, Plain, NoWeak(), WeakSlots(), MyList(), 1, 'str', [], (), {}, set()):
    try:
        weakref.ref(value)
        print(type(value).__name__, 'ok')
    except TypeError as e:
        print(type(value).__name__, 'TypeError:', e)
