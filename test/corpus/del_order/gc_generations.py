# Objects that survive a collection move to an older generation (gc.get_objects(generation=...)).
import gc


class Tracked:
    pass


def generation_of(obj):
    for gen in range(3):
        if any(o is obj for o in gc.get_objects(generation=gen)):
            return gen
    return None


gc.disable()
t = Tracked()
print('new object:', generation_of(t))
gc.collect(0)
print('after collecting generation 0:', generation_of(t))
gc.collect(1)
print('after collecting generation 1:', generation_of(t))
gc.collect()
print('after a full collection:', generation_of(t))
print('untracked int:', gc.is_tracked(1), 'tracked list:', gc.is_tracked([]))
print('dict of ints tracked:', gc.is_tracked({'a': 1}), 'dict with a list:', gc.is_tracked({'a': []}))
print('tuple of ints tracked:', gc.is_tracked((1, 2)))
gc.enable()
