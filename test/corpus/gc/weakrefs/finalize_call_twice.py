# Calling a weakref.finalize by hand runs it once and returns its result; later calls return None.
import weakref


class Temp:
    pass


def cleanup(tag):
    print('cleanup', tag)
    return tag.upper()


t = Temp()
f = weakref.finalize(t, cleanup, 'tmp')
print('first call returns:', f())
print('alive:', f.alive)
print('second call returns:', f())
del t
print('object freed: no second cleanup')
u = Temp()
g = weakref.finalize(u, cleanup, 'auto')
del u
print('g() after automatic run:', g(), 'alive:', g.alive)
