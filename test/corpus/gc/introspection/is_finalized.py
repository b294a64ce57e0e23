# gc.is_finalized() is True once the collector ran an object's __del__ (PEP 442), e.g. on a resurrected one.
import gc

saved = []


class Lazarus:
    def __init__(self):
        self.me = self

    def __del__(self):
        print('__del__ runs, finalized flag inside:', gc.is_finalized(self))
        saved.append(self)


x = Lazarus()
print('before:', gc.is_finalized(x))
del x
print('collect found:', gc.collect())
back = saved.pop()
print('resurrected, is_finalized:', gc.is_finalized(back))
del back
print('second collect found:', gc.collect(), 'saved:', len(saved))
print('plain objects:', gc.is_finalized([]), gc.is_finalized(5))
