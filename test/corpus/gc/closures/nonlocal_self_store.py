# A closure that stores itself into a nonlocal list makes a cycle through a list cell.
import gc
import weakref


def make():
    registry = []

    def callback(x):
        return len(registry) + x
    registry.append(callback)
    return callback


cb = make()
print('callback(10):', cb(10))
cell = cb.__closure__[0]
print('cell holds a list of', len(cell.cell_contents), 'function')
print('that function is cb:', cell.cell_contents[0] is cb)
r = weakref.ref(cb)
del cb, cell
print('alive after del:', r() is not None)
print('collect found:', gc.collect())
print('dead:', r() is None)
