# With DEBUG_SAVEALL the __del__ of a garbage cycle still runs, but the objects stay in gc.garbage.
import gc


class Item:
    def __init__(self, n):
        self.n = n
        self.me = self

    def __del__(self):
        print('__del__', self.n)


gc.set_debug(gc.DEBUG_SAVEALL)
Item(1)
Item(2)
print('collect found:', gc.collect())
print('garbage:', sorted(o.n for o in gc.garbage))
gc.set_debug(0)
print('collect again found:', gc.collect())
keep = gc.garbage[:]
gc.garbage.clear()
print('dropping the saved objects, __del__ does not run again:')
del keep
print('collect found:', gc.collect())
