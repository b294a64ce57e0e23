# WeakKeyDictionary attaches data to objects without keeping them alive; cyclic keys need a collection.
import gc
import weakref


class Widget:
    def __init__(self, name):
        self.name = name


meta = weakref.WeakKeyDictionary()
w1, w2 = Widget('w1'), Widget('w2')
meta[w1] = {'clicks': 3}
meta[w2] = {'clicks': 5}
print('entries:', sorted(k.name for k in meta))
del w1
print('after del w1:', sorted(k.name for k in meta))
w2.me = w2
del w2
print('cyclic key still there:', sorted(k.name for k in meta))
gc.collect()
print('after collect:', len(meta))
try:
    meta[5] = 'x'
except TypeError as e:
    print('TypeError:', e)
