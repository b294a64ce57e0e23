# gc.get_objects(generation=g) lists the tracked objects of one generation; a new list starts in generation 0.
import gc


def where(obj):
    return [g for g in range(3) if any(o is obj for o in gc.get_objects(generation=g))]


gc.disable()
fresh = [1, 2]
print('fresh list in generations:', where(fresh))
print('in get_objects():', any(o is fresh for o in gc.get_objects()))
gc.collect(0)
print('after collect(0):', where(fresh))
gc.collect(1)
print('after collect(1):', where(fresh))
gc.collect()
print('after collect():', where(fresh))
print('untracked atoms are never listed:', any(type(o) is int for o in gc.get_objects()))
print('generation 1 right after a full collection is empty:', gc.get_objects(generation=1) == [])
gc.enable()
