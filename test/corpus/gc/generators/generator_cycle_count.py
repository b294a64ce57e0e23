# gc.collect() does not count a generator cycle that its own finalizer (close) already broke.
import gc
import weakref


class Box:
    pass


def loop(box):
    while True:
        yield box


def finished(box):
    yield box


b = Box()
b.g = loop(b)
next(b.g)
del b
print('suspended generator cycle, found:', gc.collect())
c = Box()
c.g = finished(c)
print(list(c.g) == [c])
del c
print('exhausted generator cycle, found:', gc.collect())
d = Box()
d.g = loop(d)
del d
print('never started generator cycle, found:', gc.collect())
