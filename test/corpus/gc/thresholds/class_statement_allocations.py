# What a class statement and a call of the class add to the collector's count: the class, its dict, tuples and
# descriptors, the weak reference each base keeps to it, a base's first subclass dict, the call's argument tuple.
import gc

counts = [gc.get_count()[0]]


class Plain:
    pass


counts.append(gc.get_count()[0])


class WithMethods:
    def __init__(self, n):
        self.n = n

    def total(self):
        return self.n


counts.append(gc.get_count()[0])


class FirstChild(WithMethods):
    pass


counts.append(gc.get_count()[0])


class SecondChild(WithMethods):
    pass


counts.append(gc.get_count()[0])
Made = type('Made', (Plain,), {'x': 1})
counts.append(gc.get_count()[0])
WithMethods(1)
counts.append(gc.get_count()[0])
WithMethods(n=2)
counts.append(gc.get_count()[0])
items = []
counts.append(gc.get_count()[0])
print([b - a for a, b in zip(counts, counts[1:])])
