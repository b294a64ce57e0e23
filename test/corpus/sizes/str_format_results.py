# strings produced by f-strings and format are sized by their final text and kind
import sys
name = 'Zo\xeb'
print(sys.getsizeof(f'hi {name}'), sys.getsizeof(f'hi {name!r}'), sys.getsizeof('hi {}'.format('Zoe')))
print(sys.getsizeof(f'{3.14159:.3f}'), sys.getsizeof(f'{42:08d}'), sys.getsizeof(f'{255:x}'))
print(sys.getsizeof('%s and %s' % ('a', 'b')), sys.getsizeof('%5.1f%%' % 12.345))
euro = '\u20ac'
print(sys.getsizeof(f'{euro}5'), sys.getsizeof(str(1.5e300)))
rows = [f'{i:>3}|{i * i:>5}' for i in range(3)]
print([sys.getsizeof(r) for r in rows])
