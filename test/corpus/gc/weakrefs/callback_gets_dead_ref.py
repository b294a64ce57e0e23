# A weakref callback receives the dead ref, not the object: ref() is already None inside it.
import gc
import weakref

log = []


class Thing:
    def __init__(self, name):
        self.name = name


def on_death(ref):
    log.append(('callback', ref() is None, ref is holder[0]))


t = Thing('t')
holder = [weakref.ref(t, on_death)]
del t
print(log)
u = Thing('u')
u.me = u
holder[0] = weakref.ref(u, on_death)
del u
gc.collect()
print(log)
