# The number reported for a cycle of instances depends on whether their __dict__ objects exist.
import gc


class Plain:
    pass


class Slotted:
    __slots__ = ('other', '__weakref__')


def pair(cls, touch_dict):
    a, b = cls(), cls()
    a.other, b.other = b, a
    if touch_dict:
        vars(a)
        vars(b)


pair(Plain, False)
print('two plain instances:', gc.collect())
pair(Plain, True)
print('two plain instances after vars():', gc.collect())
pair(Slotted, False)
print('two slotted instances:', gc.collect())
