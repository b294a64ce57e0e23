# Objects created after gc.freeze() are collected normally; frozen garbage waits for unfreeze().
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print('finalize', self.name)


gc.collect()
old = Node('frozen')
gc.freeze()
del old
new = Node('after-freeze')
del new
print('collect while frozen found:', gc.collect())
gc.unfreeze()
print('freeze count right after unfreeze:', gc.get_freeze_count())
print('after unfreeze, collect found:', gc.collect())
