# OrderedDict.move_to_end as an LRU order, and namedtuple fields, defaults, _replace and _asdict.
from collections import OrderedDict, namedtuple

lru = OrderedDict()
for key in ['a', 'b', 'c']:
    lru[key] = key.upper()
lru.move_to_end('a')
print(list(lru), lru.popitem(last=False), lru)
lru.move_to_end('c', last=False)
print(lru, OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1) == {'a': 1})
Point = namedtuple('Point', ['x', 'y'])
Color = namedtuple('Color', 'r g b alpha', defaults=[255])
p = Point(3, 4)
print(p, p.x + p.y, p[0], len(p), tuple(p))
print(p._replace(y=10), p._asdict(), Point._fields)
print(Color(1, 2, 3), Color._field_defaults)
x, y = p
print(x, y, p == (3, 4), isinstance(p, tuple))
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError:', e)
