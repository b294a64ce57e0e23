# An object can resurrect itself in __del__; CPython never calls __del__ on the same object twice.
graveyard = []


class Phoenix:
    def __init__(self, name):
        self.name = name
        self.lives = 0

    def __del__(self):
        self.lives += 1
        print('__del__ of', self.name, 'call', self.lives)
        graveyard.append(self)


p = Phoenix('fawkes')
del p
print('graveyard:', [x.name for x in graveyard])
back = graveyard.pop()
print('back from the dead, lives =', back.lives)
del back
print('second death printed nothing')
print('graveyard now:', graveyard)
