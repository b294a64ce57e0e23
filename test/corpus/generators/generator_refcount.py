# sys.getrefcount of an object iterated by a suspended generator: its frame holds references too.
import sys


class Item:
    pass


items = [Item(), Item()]
print('item in list:', sys.getrefcount(items[0]))


def walk(seq):
    for x in seq:
        yield x


g = walk(items)
print('list held by the generator too:', sys.getrefcount(items))
first = next(g)
print('first item, also the frame variable x:', sys.getrefcount(items[0]))
next(g)
print('frame moved on to the second:', sys.getrefcount(items[0]))
g.close()
print('after close, list:', sys.getrefcount(items))
