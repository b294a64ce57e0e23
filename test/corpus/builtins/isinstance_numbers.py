# The numeric tower: bool is an int, int and float mix, and True/False in arithmetic and containers.
values = [True, 1, 1.0, 1 + 0j, '1', None]
for v in values:
    print(f'{v!r:8} int={isinstance(v, int)!s:5} float={isinstance(v, float)!s:5} type={type(v).__name__}')
print(True == 1, 1 == 1.0, 1.0 == 1 + 0j, True + 1.5)
d = {1: 'int'}
d[True] = 'bool'
d[1.0] = 'float'
print(d, len({1, True, 1.0}))
print(sum([True, True, False]), [1, 2, 3][True], max(True, 0.5))
print(int('7') + float('0.5'), str(1) + str(1.0), bool('False'), bool(0.0))
print(issubclass(bool, int), bool.__mro__[1].__name__, type(True + True).__name__)
