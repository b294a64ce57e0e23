# One member of a cycle resurrects itself: the whole cycle survives the collection, finalized but alive.
import gc

rescued = []


class Member:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        print('__del__', self.name)
        if self.name == 'saver':
            rescued.append(self)


a, b = Member('saver'), Member('other')
a.peer, b.peer = b, a
del a, b
print('collect found:', gc.collect())
print('rescued:', rescued[0].name, 'peer still there:', rescued[0].peer.name)
rescued.clear()
print('collect found:', gc.collect())
print('end')
