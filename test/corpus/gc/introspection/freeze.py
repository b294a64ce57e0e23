# gc.freeze() moves every tracked object to a permanent generation the collector ignores; unfreeze() undoes it.
import gc


class Node:
    def __del__(self):
        print('node finalized')


gc.collect()
before = gc.get_freeze_count()
n = Node()
n.me = n
gc.freeze()
print('freeze count grew:', gc.get_freeze_count() > before)
print('generations now empty:', [len(gc.get_objects(generation=g)) == 0 for g in (1, 2)])
del n
print('collect while frozen found:', gc.collect())
gc.unfreeze()
print('freeze count after unfreeze:', gc.get_freeze_count())
print('collect after unfreeze found:', gc.collect())
