# A million objects in reference cycles, freed by automatic collections (gc enabled, default thresholds).
import gc

freed = [0]


def count(phase, info):
    if phase == 'stop':
        freed[0] += info['collected']


class Node:
    def __init__(self):
        self.other = None


gc.callbacks.append(count)
for i in range(500000):
    a = Node()
    b = Node()
    a.other = b
    b.other = a
del a, b
gc.collect()
gc.callbacks.remove(count)
# Which collection frees which cycle depends on the size of the interpreter's own heap (the long-lived rule);
# the total does not.
print('objects freed by the collector:', freed[0])
