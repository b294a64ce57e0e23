# A gc callback that looks at gc.garbage in its 'stop' phase to clean up saved objects.
import gc


class Resource:
    def __init__(self, name):
        self.name = name
        self.me = self


def janitor(phase, info):
    if phase == 'stop' and gc.garbage:
        names = sorted(o.name for o in gc.garbage if isinstance(o, Resource))
        print('janitor sees', len(gc.garbage), 'saved objects; resources', names)
        for o in gc.garbage:
            if isinstance(o, Resource):
                o.me = None
        gc.garbage.clear()


gc.set_debug(gc.DEBUG_SAVEALL)
gc.callbacks.append(janitor)
Resource('db')
Resource('cache')
gc.collect()
gc.set_debug(0)
print('garbage after janitor:', gc.garbage)
gc.callbacks.remove(janitor)
