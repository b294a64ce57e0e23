# A set cannot contain itself, but a set of tuples can hold an object that holds the set again.
import gc


class Owner:
    def __init__(self, name):
        self.name = name
        self.members = None

    def __del__(self):
        print('owner', self.name, 'freed, members:', len(self.members))


o = Owner('club')
o.members = {(1, o), (2, o), (3, 'x')}
print('tuples holding the owner:', sum(1 for t in o.members if t[1] is o))
print('sorted numbers:', sorted(t[0] for t in o.members))
del o
print('after del: still alive in the cycle')
print('collect found:', gc.collect())
try:
    s = set()
    s.add(s)
except TypeError as e:
    print('TypeError:', e)
print('frozenset of tuples only, tracked:', gc.is_tracked(frozenset({(1, 2)})))
