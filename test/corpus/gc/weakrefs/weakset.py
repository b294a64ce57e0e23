# WeakSet membership drops objects when they are freed, and cyclic ones after gc.collect().
import gc
import weakref


class Player:
    def __init__(self, name):
        self.name = name


online = weakref.WeakSet()
p1, p2, p3 = Player('p1'), Player('p2'), Player('p3')
for p in (p1, p2, p3):
    online.add(p)
del p
print('online:', sorted(p.name for p in online))
del p1
print('after del p1:', sorted(p.name for p in online))
p2.me = p2
del p2
print('cyclic p2 still in:', sorted(p.name for p in online))
print('collect found:', gc.collect())
print('after collect:', sorted(p.name for p in online), len(online))
print('p3 in online:', p3 in online)
