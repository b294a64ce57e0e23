# functools.reduce with operator functions, itemgetter and attrgetter as sort keys.
import operator
from collections import namedtuple
from functools import reduce

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 7), 1))
print(reduce(lambda acc, s: acc + s[0], ['alpha', 'beta', 'gamma'], ''))
print(reduce(max, [3, 9, 2]), reduce(operator.or_, [{1}, {2}, {1, 3}]))
rows = [('b', 2), ('a', 3), ('c', 1)]
print(sorted(rows, key=operator.itemgetter(1)), sorted(rows, key=operator.itemgetter(0)))
Emp = namedtuple('Emp', 'name dept')
staff = [Emp('zoe', 'ops'), Emp('al', 'dev'), Emp('bo', 'dev')]
print([e.name for e in sorted(staff, key=operator.attrgetter('dept', 'name'))])
print(operator.itemgetter(0, 2)('xyz'), operator.methodcaller('upper')('hi'))
print(list(map(operator.neg, [1, -2])), operator.truediv(7, 2), operator.floordiv(7, 2))
try:
    reduce(operator.add, [])
except TypeError as e:
    print('TypeError:', e)
