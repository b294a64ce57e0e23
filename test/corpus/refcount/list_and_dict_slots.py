# Each list slot, dict value and tuple item is one reference; removing it gives the reference back.
import sys


class Token:
    pass


tok = Token()
base = sys.getrefcount(tok)
print('base:', base)

items = []
for _ in range(3):
    items.append(tok)
print('in a list 3 times:', sys.getrefcount(tok) - base)

table = {'a': tok, 'b': tok}
print('plus 2 dict values:', sys.getrefcount(tok) - base)

pair = (tok, tok)
print('plus a pair tuple:', sys.getrefcount(tok) - base)

items.pop()
print('after pop:', sys.getrefcount(tok) - base)
del table['a']
print('after del table[key]:', sys.getrefcount(tok) - base)
del pair
print('after del pair:', sys.getrefcount(tok) - base)
items.remove(tok)
print('after remove:', sys.getrefcount(tok) - base)
