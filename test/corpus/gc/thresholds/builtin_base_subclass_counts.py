# Subclassing builtin types: which get a __weakref__ descriptor, and whether the base's subclass dict is new.
import gc
counts = [gc.get_count()[0]]


class MySet(set):
    pass


counts.append(gc.get_count()[0])


class MyFloat(float):
    pass


counts.append(gc.get_count()[0])


class MyList(list):
    pass


counts.append(gc.get_count()[0])


class MyError(Exception):
    pass


counts.append(gc.get_count()[0])


class OtherSet(set):
    pass


counts.append(gc.get_count()[0])
print([b - a for a, b in zip(counts, counts[1:])])
print('__weakref__' in MyError.__dict__, '__weakref__' in MySet.__dict__, '__weakref__' in MyFloat.__dict__)
del MySet, OtherSet
gc.collect()
before = gc.get_count()[0]


class LaterSet(set):
    pass


print(gc.get_count()[0] - before)
