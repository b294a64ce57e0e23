# A __del__ that raises inside a collection does not stop the other finalizers; the error goes to stderr.
import gc
import sys


class Member:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        print('__del__', self.name)
        if self.name == 'b':
            raise ValueError('ignored by the collector')


sys.unraisablehook = lambda u: print('unraisable:', type(u.exc_value).__name__, u.exc_value)
a, b, c = Member('a'), Member('b'), Member('c')
a.peer, b.peer, c.peer = b, c, a
del a, b, c
print('collect found:', gc.collect())
