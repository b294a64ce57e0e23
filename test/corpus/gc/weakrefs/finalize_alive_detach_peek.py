# weakref.finalize: alive, peek() and detach() before the object dies; a detached finalizer never runs.
import weakref


class Conn:
    def __init__(self, name):
        self.name = name


def close(name, reason):
    print('closing', name, 'because', reason)
    return 'closed ' + name


c1, c2 = Conn('c1'), Conn('c2')
f1 = weakref.finalize(c1, close, 'c1', reason='freed')
f2 = weakref.finalize(c2, close, 'c2', reason='freed')
print('alive:', f1.alive, f2.alive)
obj, func, args, kwargs = f1.peek()
print('peek:', obj is c1, func is close, args, kwargs)
detached = f2.detach()
print('detach returned obj:', detached[0] is c2, 'alive now:', f2.alive)
print('peek after detach:', f2.peek(), 'detach again:', f2.detach())
del c1
print('f1 alive after del:', f1.alive)
del c2, detached
print('c2 freed without its finalizer running')
