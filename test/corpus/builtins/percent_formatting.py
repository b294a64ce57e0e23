# printf-style % formatting, still common in logging code.
print('%s is %d years old' % ('Ada', 36))
print('%5.2f|%-8s|%08.3f|%+d' % (3.14159, 'left', 2.5, 7))
print('%x %X %o %e %g %g' % (255, 255, 8, 12345.678, 0.0001, 1e-5))
print('%r %s' % ('text', 'text'))
print('%(name)s has %(n)d items' % {'name': 'cart', 'n': 3})
print('%c%c %%' % (72, 'i'))
print('%.3s|%5s|%-5s|' % ('abcdef', 'ab', 'ab'))
print('%d%%' % 50)
try:
    print('%d' % 'x')
except TypeError as e:
    print('TypeError:', e)
try:
    print('%s %s' % ('one',))
except TypeError as e:
    print('TypeError:', e)
