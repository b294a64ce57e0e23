# Defining __eq__ without __hash__ makes instances unhashable; define both to use them in sets and dicts.
class Plain:
    pass


class EqOnly:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v


class Both(EqOnly):
    def __hash__(self):
        return hash(self.v)


print('Plain hashable:', Plain.__hash__ is not None)
print('EqOnly.__hash__:', EqOnly.__hash__)
try:
    {EqOnly(1)}
except TypeError as e:
    print('TypeError:', e)
s = {Both(1), Both(1), Both(2)}
print('set of Both:', len(s))
d = {Both('k'): 'value'}
print(d[Both('k')])
a, b = Plain(), Plain()
print('default eq is identity:', a == a, a == b)
