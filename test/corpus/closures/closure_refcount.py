# sys.getrefcount of objects held by closure cells, and of the cell when several closures share it.
import sys


class Blob:
    pass


def make_pair():
    blob = Blob()

    def get():
        return blob

    def put(new):
        nonlocal blob
        blob = new

    return get, put


get, put = make_pair()
shared_cell = get.__closure__[0]
print('closures share the cell:', shared_cell is put.__closure__[0])
print('blob via the cell:', sys.getrefcount(get()))
b = get()
print('blob also bound to b:', sys.getrefcount(b))
put(Blob())
print('after put, old blob only in b:', sys.getrefcount(b))
print('cell now holds a different blob:', get() is not b)
