# A generator whose frame holds the generator itself: collected, yet reported as 0 (closing it broke the cycle).
import gc
import weakref


def counter(box):
    me = box[0]
    n = 0
    while True:
        yield n, me is box[0]
        n += 1


box = []
g = counter(box)
box.append(g)
print(next(g), next(g))
r = weakref.ref(g)
del g, box
print('alive after del:', r() is not None)
print('collect found:', gc.collect())
print('alive after collect:', r() is not None)
