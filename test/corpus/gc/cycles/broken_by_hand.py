# Breaking a cycle by hand (setting a link to None) lets reference counting free it without the collector.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        print('freed', self.name)


gc.disable()
a, b, c = Node('a'), Node('b'), Node('c')
a.peer, b.peer, c.peer = b, c, a
print('cycle of three built')
c.peer = None
print('link c -> a cut')
del a
print('del a')
del b, c
print('del b, c')
print('collect found:', gc.collect())
gc.enable()
