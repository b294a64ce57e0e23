# With a small threshold, a collection runs after a few container allocations; __del__ shows when.
import gc

events = []


class Cyclic:
    def __init__(self, n):
        self.n = n
        self.me = self

    def __del__(self):
        events.append(self.n)


gc.set_threshold(25)
first = None
for i in range(300):
    Cyclic(i)
    if events and first is None:
        first = i
        print('first finalizer ran during iteration', i, 'finalized', len(events))
if first is None:
    print('no automatic collection finalized anything in 300 iterations')
print('explicit collect found:', gc.collect(), 'total finalized:', len(events))
