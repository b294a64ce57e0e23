# gc.is_tracked(): atoms are never tracked, containers that can hold other objects are.
import gc


class Empty:
    pass


class Slotless:
    __slots__ = ()


for value in (0, 10 ** 40, 1.5, 'text', b'bytes', None, True, range(3), slice(1, 2)):
    print(f'{type(value).__name__:>9}:', gc.is_tracked(value))
print('     list:', gc.is_tracked([]))
print('      set:', gc.is_tracked(set()))
print('frozenset:', gc.is_tracked(frozenset({1})))
print(' instance:', gc.is_tracked(Empty()))
print(' slots=():', gc.is_tracked(Slotless()))
print(' function:', gc.is_tracked(lambda: 0))
print('     type:', gc.is_tracked(Empty))
print('bytearray:', gc.is_tracked(bytearray(b'x')))
