# gc.set_debug(gc.DEBUG_SAVEALL) keeps every unreachable object in gc.garbage instead of freeing it.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.next = None


gc.set_debug(gc.DEBUG_SAVEALL)
print('debug flags:', gc.get_debug() == gc.DEBUG_SAVEALL)
a, b = Node('a'), Node('b')
a.next, b.next = b, a
del a, b
print('collect found:', gc.collect())
print('saved:', sorted(type(o).__name__ for o in gc.garbage))
print('names:', sorted(o.name for o in gc.garbage if isinstance(o, Node)))
print('still linked:', all(o.next.next is o for o in gc.garbage if isinstance(o, Node)))
gc.set_debug(0)
gc.garbage.clear()
print('cleared; collect found:', gc.collect())
