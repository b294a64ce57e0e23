# Weakref callbacks on one object run newest first, after the object's __del__.
import weakref


class Target:
    def __del__(self):
        print('__del__')


def make_cb(label):
    return lambda ref: print('callback', label, 'ref() ->', ref())


t = Target()
refs = [weakref.ref(t, make_cb(n)) for n in ('first', 'second', 'third')]
print('weakref count:', weakref.getweakrefcount(t))
del t
print('all refs dead:', all(r() is None for r in refs))
