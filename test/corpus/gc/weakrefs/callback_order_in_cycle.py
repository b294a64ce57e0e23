# In a collection, weakref callbacks of all cycle members run before any __del__ of those members.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        print('__del__', self.name)


a, b = Node('a'), Node('b')
a.peer, b.peer = b, a
ra = weakref.ref(a, lambda r: print('callback for a'))
rb = weakref.ref(b, lambda r: print('callback for b'))
del a, b
print('collect found:', gc.collect())
print('refs dead:', ra() is None, rb() is None)
