# weakref.finalize callbacks run when the cyclic collector frees their object, in the order the objects are found.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None


a, b = Node('a'), Node('b')
a.peer, b.peer = b, a
fa = weakref.finalize(a, print, 'finalize a')
fb = weakref.finalize(b, print, 'finalize b')
del a, b
print('alive before collect:', fa.alive, fb.alive)
print('collect found:', gc.collect())
print('alive after collect:', fa.alive, fb.alive)
c = Node('c')
fc = weakref.finalize(c, print, 'finalize c, holding c itself:', c)
del c
print('collect found:', gc.collect(), 'fc alive:', fc.alive)
obj = fc.detach()[0]
print('the finalizer kept it alive:', obj.name, 'alive now:', fc.alive)
