# Order of __del__ and weakref callbacks when an object with both is freed.
import weakref


class Model:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('__del__', self.name)


def on_gone(ref):
    print('callback: referent gone, ref() is', ref())


m = Model('model')
r1 = weakref.ref(m, on_gone)
r2 = weakref.ref(m, lambda ref: print('second callback'))
f = weakref.finalize(m, print, 'finalize callback')
print('alive:', f.alive)
del m
print('after del, finalize alive:', f.alive)
print('end')
