# del removes a name, not an object: the count drops by one per deleted name until the last one goes.
import sys


class Buffer:
    def __init__(self, size):
        self.data = bytearray(size)

    def __del__(self):
        print('buffer freed')


buf = Buffer(16)
a = buf
b = buf
c = buf
print('four names:', sys.getrefcount(buf))
del a
print('three names:', sys.getrefcount(buf))
del b, c
print('one name:', sys.getrefcount(buf))
holder = [buf]
del buf
print('only the list holds it:', sys.getrefcount(holder[0]))
print('about to clear the list')
holder.clear()
print('done')
