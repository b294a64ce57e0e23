# A variable captured by a closure lives in a cell: the cell holds the reference, not the frame.
import sys


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('released', self.name)


def make_reader(name):
    res = Resource(name)
    print('  in the frame:', sys.getrefcount(res))

    def read():
        return res.name

    return read


reader = make_reader('db')
cell = reader.__closure__[0]
print('held by the cell:', sys.getrefcount(cell.cell_contents))
print('read:', reader())
del cell
print('deleting the closure')
del reader
print('end')
