# gc.get_referents() returns the objects an object's tp_traverse visits, shown here by type and value.
import gc


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


print('list:', gc.get_referents([1, 'a', (2,)]))
print('tuple:', gc.get_referents((None, 3.5)))
print('dict:', sorted(map(repr, gc.get_referents({'k': 'v', 'n': 1}))))
print('int has none:', gc.get_referents(42))
print('two objects at once:', gc.get_referents([1], [2]))
p = Point(1, 2)
print('instance:', sorted(type(r).__name__ for r in gc.get_referents(p)))
vars(p)
print('instance after vars():', sorted(type(r).__name__ for r in gc.get_referents(p)))
cell_owner = (lambda: p)
print('function referents include its globals dict:', any(r is globals() for r in gc.get_referents(cell_owner)))
