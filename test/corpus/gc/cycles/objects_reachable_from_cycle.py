# Objects only reachable from a cycle are freed with it, after the cycle's members are finalized.
import gc


class Item:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
        self.peer = None

    def __del__(self):
        print('__del__', self.name)


a = Item('a', Item('a-child', Item('a-grandchild')))
b = Item('b', Item('b-child'))
a.peer, b.peer = b, a
kept = a.child
del a, b
print('collect found:', gc.collect())
print('a-child kept by a name:', kept.name, kept.child.name)
del kept
print('end')
