# gc.callbacks report each collection: which generation and how many objects it found unreachable.
import gc


def report(phase, info):
    if phase == 'stop':
        print(f"  collected generation {info['generation']}: {info['collected']} unreachable")


class Pair:
    def __init__(self):
        self.partner = None


gc.callbacks.append(report)
a, b = Pair(), Pair()
a.partner, b.partner = b, a
del a, b
print('full collection:')
gc.collect()
c = Pair()
c.partner = c
del c
print('generation 0 only:')
gc.collect(0)
print('nothing left:')
gc.collect()
gc.callbacks.remove(report)
