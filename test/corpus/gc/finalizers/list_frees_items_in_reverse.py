# When a list is freed by reference counting, its items are released from the last to the first.
class Item:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('free', self.name)


items = [Item('first'), Item('second'), Item('third')]
print('del list:')
del items
row = (Item('t0'), Item('t1'), Item('t2'))
print('del tuple:')
del row
table = {'k0': Item('d0'), 'k1': Item('d1'), 'k2': Item('d2')}
print('del dict:')
del table
s = [Item('only')]
print('clear list:')
s.clear()
print('end')
