# format() and str.format with alignment, width, precision, signs, thousands separators and bases.
n = 1234567.891
print(format(n, ','), format(n, '_.2f'), format(n, '.3e'), format(n, '.4g'))
print(format(42, 'b'), format(42, 'o'), format(42, 'x'), format(42, '#X'), format(42, '08b'))
print(format(0.25, '%'), format(0.125, '.1%'), format(-3, '+d'), format(3, '+d'), format(3, ' d'))
print('[{:<8}] [{:>8}] [{:^8}] [{:*^9}]'.format('ab', 'cd', 'ef', 'gh'))
print('{0} {1} {0}'.format('x', 'y'), '{name}={value!r}'.format(name='k', value='v'))
print('{:10.3f}|{:<10.2f}|{:^10}'.format(3.14159, 2.5, 7))
print('{:,}'.format(10 ** 9), '{:_x}'.format(2 ** 32), '{:e}'.format(0.000123))
row = {'item': 'widget', 'qty': 3, 'price': 4.5}
print('{item:>10} x{qty:<3} @ {price:6.2f}'.format(**row))
print(format('text', '>10'), format(True, 'd'), format(1e21), format(123, ''))
print('{0[0]} {0[1]} {1.real}'.format(['a', 'b'], 5))
