# Freeing nested containers by refcount: depth first, each list releasing its items last to first.
class Leaf:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('free', self.name)


tree = [
    Leaf('a'),
    [Leaf('b1'), Leaf('b2')],
    {'c': Leaf('c1'), 'd': [Leaf('d1'), Leaf('d2')]},
    Leaf('e'),
]
print('del tree:')
del tree
print('attributes of an instance are released in definition order:')


class Holder:
    pass


h = Holder()
h.x, h.y, h.z = Leaf('x'), Leaf('y'), Leaf('z')
del h
print('end')
