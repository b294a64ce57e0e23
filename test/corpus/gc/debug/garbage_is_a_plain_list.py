# gc.garbage is an ordinary list: objects a program puts there stay alive; it is never emptied by gc itself.
import gc


class Thing:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('thing', self.name, 'freed')


print('type:', type(gc.garbage).__name__, 'len:', len(gc.garbage))
gc.garbage.append(Thing('parked'))
gc.collect()
print('after collect, still parked:', [t.name for t in gc.garbage])
gc.garbage.clear()
print('cleared')
t = Thing('cyclic')
t.me = t
gc.set_debug(gc.DEBUG_SAVEALL)
del t
gc.collect()
gc.set_debug(0)
print('saved by SAVEALL:', [o.name for o in gc.garbage])
del gc.garbage[:]
print('collect after clearing:', gc.collect())
