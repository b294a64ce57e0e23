# A cycle with one member still referenced from outside is not garbage: nothing in it is finalized.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.next = None

    def __del__(self):
        print('__del__', self.name)


a, b, c = Node('a'), Node('b'), Node('c')
a.next, b.next, c.next = b, c, a
anchor = {'entry': c}
del a, b, c
print('collect with an anchor found:', gc.collect())
print('reachable from the anchor:', anchor['entry'].next.name, anchor['entry'].next.next.name)
anchor.clear()
print('anchor cleared; collect found:', gc.collect())
