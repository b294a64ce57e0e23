# A list that contains itself survives `del` and is only freed by the cyclic collector.
import gc
import weakref


class Marker:
    def __del__(self):
        print('marker inside the list freed')


items = [Marker(), 'text', 42]
items.append(items)
print('contains itself:', items[3] is items, 'len', len(items))
print('repr:', items[1:3], '...', repr(items)[-6:])
holder = [items]
del items
print('list still alive through holder:', len(holder[0]))
del holder
print('after del of holder, collect finds:', gc.collect())
print('second collect finds:', gc.collect())
