# A suspended generator keeps its frame's locals alive; exhausting it frees them at once.
import gc


class Item:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('item', self.name, 'freed')


def producer():
    a = Item('a')
    yield 1
    b = Item('b')
    yield 2
    del a
    yield 3


gc.disable()
g = producer()
print('next ->', next(g))
print('next ->', next(g))
print('locals now:', sorted(g.gi_frame.f_locals))
print('next ->', next(g))
print('exhausting:')
print(list(g))
print('gi_frame after exhaustion:', g.gi_frame)
del g
print('collect finds:', gc.collect())
gc.enable()
