# Clearing or freeing a list releases its items from the last one to the first.
class Item:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print('free item', self.n)


items = [Item(i) for i in range(4)]
print('clear()')
items.clear()
items = [Item(i) for i in range(4, 7)]
print('rebind the list name')
items = []
items = [Item(i) for i in range(7, 10)]
print('del slice')
del items[:]
items = [Item(i) for i in range(10, 13)]
print('slice assignment')
items[0:2] = []
print('pop(0)')
items.pop(0)
print('end')
