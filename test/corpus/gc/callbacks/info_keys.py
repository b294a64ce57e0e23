# The info dict passed to gc.callbacks: 'generation', 'collected', 'uncollectable' at start and at stop.
import gc


def show(phase, info):
    print(phase, sorted(info), info['generation'], info['collected'], info['uncollectable'])


class Pair:
    pass


gc.callbacks.append(show)
a, b = Pair(), Pair()
a.b, b.a = b, a
del a, b
gc.collect()
for gen in (0, 1, 2):
    x = []
    x.append(x)
    del x
    gc.collect(gen)
gc.callbacks.remove(show)
