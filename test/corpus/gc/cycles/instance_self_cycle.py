# An instance whose attribute points at itself is freed only by gc.collect().
import gc
import weakref


class Loop:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print('__del__', self.name)


a = Loop('a')
r = weakref.ref(a)
del a
print('after del, weakref alive:', r() is not None, r().name)
print('collect found:', gc.collect())
print('weakref dead:', r() is None)
b = Loop('b')
b.me = None
del b
print('cycle broken before del: freed immediately above')
print('collect found:', gc.collect())
