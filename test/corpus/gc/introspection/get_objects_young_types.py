# Right after a collection, generation 0 holds only what was created since: count it by type name.
import gc


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


gc.disable()
gc.collect()
points = [Point(i, i) for i in range(3)]
pairs = [(i, []) for i in range(2)]
table = {'k': [1]}
young = gc.get_objects(generation=0)
names = {}
for o in young:
    if o is not young:
        names[type(o).__name__] = names.get(type(o).__name__, 0) + 1
print('Point:', names.get('Point', 0))
print('tuple:', names.get('tuple', 0))
print('dict:', names.get('dict', 0))
print('list at least 5:', names.get('list', 0) >= 5)
gc.enable()
