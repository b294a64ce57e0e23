# weakref.ref(x) without a callback is shared: the same ref object comes back; with a callback it is new.
import weakref


class Obj:
    pass


x = Obj()
r1 = weakref.ref(x)
r2 = weakref.ref(x)
print('two plain refs are the same object:', r1 is r2)
c1 = weakref.ref(x, lambda r: None)
c2 = weakref.ref(x, lambda r: None)
print('refs with callbacks are distinct:', c1 is c2, c1 is r1)
print('but equal while alive:', c1 == r1, c1 == c2)
print('getweakrefcount:', weakref.getweakrefcount(x))
print('first in getweakrefs is the plain ref:', weakref.getweakrefs(x)[0] is r1)
p1 = weakref.proxy(x)
p2 = weakref.proxy(x)
print('plain proxies shared too:', p1 is p2)
print('getweakrefcount with proxy:', weakref.getweakrefcount(x))
del r1, r2
r3 = weakref.ref(x)
print('after dropping the plain refs a new one is made; count:', weakref.getweakrefcount(x))
