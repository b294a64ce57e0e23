# Freeing a list frees its items last to first, so their weakref callbacks fire in that order too.
import weakref


class Item:
    def __init__(self, n):
        self.n = n


items = [Item(i) for i in range(4)]
refs = [weakref.ref(it, lambda r, n=it.n: print('item', n, 'gone')) for it in items]
print('dropping the list:')
del items
print('all dead:', [r() for r in refs])
d = {k: Item(k) for k in 'xyz'}
drefs = [weakref.ref(v, lambda r, k=k: print('value', k, 'gone')) for k, v in d.items()]
print('dropping the dict:')
del d
