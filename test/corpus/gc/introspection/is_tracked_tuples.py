# Tuples of atoms start tracked but are untracked by a collection; tuples holding containers stay tracked.
import gc


def pair(a, b):
    return (a, b)


gc.disable()
literal = (1, 2)
built = pair(1, 2)
nested = pair(1, [2])
inner = pair(pair(1, 2), 3)
print('constant tuple (1, 2):', gc.is_tracked(literal))
print('built at run time (1, 2):', gc.is_tracked(built))
print('holding a list:', gc.is_tracked(nested))
print('holding a tuple of ints:', gc.is_tracked(inner))
gc.collect()
print('after collect:')
print('  built (1, 2):', gc.is_tracked(built))
print('  holding a list:', gc.is_tracked(nested))
print('  holding a tuple of ints:', gc.is_tracked(inner))
print('empty tuple:', gc.is_tracked(()))
gc.enable()
