# PEP 442: __del__ runs at most once per object, even when the object survives its first collection.
import gc

keep = []


class Once:
    def __init__(self, name):
        self.name = name
        self.me = self
        self.calls = 0

    def __del__(self):
        self.calls += 1
        print('__del__', self.name, 'call', self.calls)
        if self.calls == 1:
            keep.append(self)


Once('cyclic')
print('first collect found:', gc.collect())
print('kept after its finalizer:', [o.name for o in keep])
keep.clear()
print('second collect found:', gc.collect())
print('third collect found:', gc.collect())
