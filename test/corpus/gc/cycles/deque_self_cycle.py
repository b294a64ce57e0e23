# A collections.deque appended to itself is a cycle like a list; its maxlen drop frees old items by refcount.
import collections
import gc


class Item:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print('item', self.n, 'freed')


q = collections.deque([Item(1)], maxlen=3)
q.append(q)
q.append(Item(2))
print('deque len:', len(q), 'q[1] is q:', q[1] is q)
q.append(Item(3))
print('one item pushed out above, len still', len(q))
del q
print('after del: nothing freed')
print('collect found:', gc.collect())
