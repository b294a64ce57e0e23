# Weak references compare equal by referent while alive, by identity once dead; hash is frozen once taken.
import weakref


class Key:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __hash__(self):
        return hash(self.v)


a, b = Key(1), Key(1)
ra, rb = weakref.ref(a), weakref.ref(b)
print('equal referents, refs equal:', ra == rb)
print('hash of ref is hash of referent:', hash(ra) == hash(a))
del a
print('one dead, equal now:', ra == rb, 'dead equals itself:', ra == ra)
print('hash still works (cached):', hash(ra) == hash(1))
c = Key(2)
rc = weakref.ref(c)
del c
try:
    hash(rc)
except TypeError as e:
    print('TypeError:', e)
