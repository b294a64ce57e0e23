# WeakValueDictionary entries disappear as soon as their values are freed by reference counting.
import weakref


class Image:
    def __init__(self, name):
        self.name = name


cache = weakref.WeakValueDictionary()
a, b, c = Image('a'), Image('b'), Image('c')
cache['a'], cache['b'], cache['c'] = a, b, c
print('keys:', sorted(cache.keys()), 'len:', len(cache))
del b
print('after del b:', sorted(cache.keys()))
print('get b:', cache.get('b'), 'in:', 'b' in cache)
c = None
print('after c = None:', sorted(cache.keys()))
kept = cache['a']
del a
print('a kept by another name:', sorted(cache.keys()))
del kept
print('now:', len(cache), list(cache.items()))
