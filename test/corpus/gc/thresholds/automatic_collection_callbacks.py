# Automatic collections seen through gc.callbacks: how many ran during 1000 small allocations at threshold 100.
import gc

log = []


def watch(phase, info):
    if phase == 'stop':
        log.append((info['generation'], info['collected']))


gc.set_threshold(100, 3, 3)
gc.callbacks.append(watch)
for i in range(1000):
    node = []
    node.append(node)
gc.callbacks.remove(watch)
print('collections:', len(log))
print('generations:', [g for g, _ in log])
print('every one found something:', all(c > 0 for _, c in log))
