# The 'uncollectable' count stays 0 for __del__ cycles since PEP 442; only DEBUG_SAVEALL moves things to gc.garbage.
import gc

seen = []


class Finalized:
    def __init__(self):
        self.me = self

    def __del__(self):
        pass


gc.callbacks.append(lambda phase, info: phase == 'stop' and seen.append(info))
Finalized()
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
Finalized()
gc.collect()
gc.set_debug(0)
gc.callbacks.clear()
for info in seen:
    print('collected', info['collected'], 'uncollectable', info['uncollectable'])
print('gc.garbage holds:', [type(o).__name__ for o in gc.garbage])
gc.garbage.clear()
