# In a cycle each member is a referrer of the next; get_referrers still sees garbage before it is collected.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.next = None


a, b, c = Node('a'), Node('b'), Node('c')
a.next, b.next, c.next = b, c, a
names = sorted(r.name for r in gc.get_referrers(b) if isinstance(r, Node))
print('Node referrers of b:', names)
del a, c
names = sorted(r.name for r in gc.get_referrers(b) if isinstance(r, Node))
print('after del a, c:', names)
ref_list = [r for r in gc.get_referrers(b) if isinstance(r, Node)]
target = ref_list[0]
del b, ref_list
print('garbage still found through get_referrers of a member:', target.name,
      [r.name for r in gc.get_referrers(target) if isinstance(r, Node)])
del target
print('collect found:', gc.collect())
