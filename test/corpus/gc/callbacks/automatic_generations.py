# The 'generation' value callbacks report for automatic collections, with thresholds (20, 2, 2).
import gc

gens = []


def cb(phase, info):
    if phase == 'start':
        gens.append(info['generation'])


gc.set_threshold(20, 2, 2)
gc.callbacks.append(cb)
for _ in range(600):
    a = []
    a.append(a)
gc.callbacks.remove(cb)
print('automatic collections:', len(gens))
print('generations:', gens)
