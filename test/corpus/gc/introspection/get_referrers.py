# gc.get_referrers() finds the tracked containers that point at an object, including the result it was given.
import gc


class Leaf:
    pass


leaf = Leaf()
box = [leaf]
table = {'leaf': leaf}
pair = (leaf, 0)
refs = gc.get_referrers(leaf)
found = [type(r).__name__ for r in refs if r is box or r is table or r is pair]
print('referrers found:', sorted(found))
print('globals dict is a referrer:', any(r is globals() for r in refs))
del box, table
again = gc.get_referrers(leaf)
print('old result keeps box and table alive:', sorted(type(r).__name__ for r in again if r is not globals()))
del refs, again
refs = gc.get_referrers(leaf)
print('after dropping it:', sorted(type(r).__name__ for r in refs if r is not globals()))
late = [leaf]
print('a new list is found by a new search:', any(r is late for r in gc.get_referrers(leaf)))
print('but not in the earlier result:', any(r is late for r in refs))
