# collections.deque: appends and pops at both ends, maxlen as a sliding window, rotate.
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d, len(d), d[0], d[-1])
d.rotate(2)
print('rotate 2:', d)
d.rotate(-3)
print('rotate -3:', d)
window = deque(maxlen=3)
for reading in [5, 7, 9, 4, 6]:
    window.append(reading)
    print(f'window {list(window)} avg {sum(window) / len(window):.2f}')
print(window.maxlen, deque('abc', maxlen=2), d.count(7), d.index(8))
d.clear()
try:
    d.pop()
except IndexError as e:
    print('IndexError:', e)
