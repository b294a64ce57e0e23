# A bound method holds a reference to its instance (__self__) for as long as the method object lives.
import sys


class Counter:
    def __init__(self):
        self.value = 0

    def increment(self):
        self.value += 1
        return self.value


counter = Counter()
print('instance:', sys.getrefcount(counter))
inc = counter.increment
print('with a bound method kept:', sys.getrefcount(counter))
print('method.__self__ is the instance:', inc.__self__ is counter)
handlers = [counter.increment for _ in range(3)]
print('with three more bound methods:', sys.getrefcount(counter))
for h in handlers:
    h()
print('value:', inc())
del handlers, h
print('handlers dropped:', sys.getrefcount(counter))
del inc
print('method dropped:', sys.getrefcount(counter))
