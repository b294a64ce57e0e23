# At which iteration the first automatic collection finalizes a cycle, for thresholds 50 and 200.
import gc


class Loop:
    dead = 0

    def __init__(self):
        self.me = self

    def __del__(self):
        Loop.dead += 1


for threshold in (50, 200):
    gc.collect()
    gc.set_threshold(threshold)
    Loop.dead = 0
    seen = None
    for i in range(1000):
        Loop()
        if Loop.dead:
            seen = i
            break
    print(f'threshold {threshold}:', 'first finalizer at iteration', seen, 'finalized', Loop.dead)
