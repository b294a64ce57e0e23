# A weakref that is itself part of the cyclic garbage does not get its callback called.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name


outside_calls = []
a = Node('a')
a.self_ref = weakref.ref(a, lambda r: print('callback of the ref inside the garbage'))
kept = weakref.ref(a, lambda r: print('callback of the ref held outside'))
a.me = a
del a
print('collect found:', gc.collect())
print('kept ref dead:', kept() is None)
b = Node('b')
b.me = b
b.keeper = weakref.ref(b, lambda r: print('never printed either'))
del b
print('second collect found:', gc.collect())
