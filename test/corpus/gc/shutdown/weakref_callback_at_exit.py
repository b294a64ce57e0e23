# weakref callbacks and __del__ both fire during shutdown for objects still alive at the end.
import weakref


class Service:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('__del__', self.name)


svc = Service('svc')
watch = weakref.ref(svc, lambda r: print('weakref callback for svc'))
ring = Service('ring')
ring.me = ring
ring_watch = weakref.ref(ring, lambda r: print('weakref callback for ring'))
del ring
print('end of program body')
