# building strings: join and repeated concatenation end with the same size
import sys
parts = ['x'] * 50
print(sys.getsizeof(''.join(parts)))
s = ''
for p in parts:
    s += p
print(sys.getsizeof(s), len(s))
print(sys.getsizeof(', '.join(str(i) for i in range(10))))
print(sys.getsizeof('-'.join(['\xe9'] * 5)), sys.getsizeof('-'.join(['\u20ac'] * 5)))
t = 'abc'
for i in range(5):
    t = t + t
    print(len(t), sys.getsizeof(t))
