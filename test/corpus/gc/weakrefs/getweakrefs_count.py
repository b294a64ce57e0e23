# getweakrefcount/getweakrefs list the live weak references and proxies to an object.
import weakref


class Thing:
    pass


t = Thing()
print('none yet:', weakref.getweakrefcount(t), weakref.getweakrefs(t))
r = weakref.ref(t)
cb = weakref.ref(t, lambda ref: None)
p = weakref.proxy(t)
print('count:', weakref.getweakrefcount(t))
print('kinds:', sorted(type(w).__name__ for w in weakref.getweakrefs(t)))
del cb
print('after dropping one:', weakref.getweakrefcount(t))
print('for an int:', weakref.getweakrefcount(5))
del t
print('refs after referent died:', r(), weakref.getweakrefcount(r))
