# An object captured by a self-referencing closure lives until the collector breaks the closure's cycle.
import gc


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('resource', self.name, 'released')


def make_handler(name):
    res = Resource(name)

    def handler(depth):
        if depth:
            return handler(depth - 1)
        return res.name
    return handler


h = make_handler('socket')
print('handler result:', h(3))
del h
print('handler deleted, resource still held by the cycle')
print('collect found:', gc.collect())
h2 = make_handler('file')
h2.__closure__[0].cell_contents = None
print('cycle cut by clearing the cell:')
del h2
print('end')
