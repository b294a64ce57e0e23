# A __del__ that stores self in a global resurrects the object; deleting it again does not call __del__.
import gc

survivor = None


class Ghost:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        global survivor
        print('__del__ of', self.name)
        survivor = self


g = Ghost('casper')
del g
print('resurrected:', survivor.name)
survivor = None
print('second death was silent')
h = Ghost('cyclic')
h.me = h
del h
print('collect found:', gc.collect())
print('resurrected from a cycle:', survivor.name, survivor.me is survivor)
survivor = None
print('collect after dropping it:', gc.collect())
