# WeakValueDictionary as a cache that forgets objects nobody else uses; WeakSet likewise.
import weakref


class Texture:
    def __init__(self, name):
        self.name = name


cache = weakref.WeakValueDictionary()
a = Texture('grass')
b = Texture('stone')
cache['grass'] = a
cache['stone'] = b
print(sorted(cache.keys()))
del b
print('after del b:', sorted(cache.keys()))
print('grass still cached:', cache.get('grass') is a)
live = weakref.WeakSet()
items = [Texture(str(i)) for i in range(3)]
for t in items:
    live.add(t)
print('live:', len(live))
items.pop()
print('after pop, the loop variable t still holds it:', len(live))
items.clear()
print('after clear, only t is left:', len(live))
del t
print('after del t:', len(live))
