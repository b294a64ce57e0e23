# Objects in a reference cycle are not freed by reference counting; gc.collect() finalizes them.
import gc


class Peer:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print('finalize', self.name)


a = Peer('a')
b = Peer('b')
a.other = b
b.other = a
print('dropping names')
del a, b
print('nothing freed yet')
found = gc.collect()
print('unreachable objects found:', found)
c = Peer('self-loop')
c.other = c
del c
print('second collect found:', gc.collect())
print('end')
