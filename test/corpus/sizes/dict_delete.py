# deleting keys does not shrink a dict; the table is only rebuilt when it fills up again
import sys
d = {i: i for i in range(10)}
print(sys.getsizeof(d))
for i in range(9):
    del d[i]
print(len(d), sys.getsizeof(d))
for i in range(100, 103):
    d[i] = i
print(len(d), sys.getsizeof(d))
d.pop(100)
d.popitem()
print(len(d), sys.getsizeof(d))
s = {'k%d' % i: i for i in range(20)}
print(sys.getsizeof(s))
for k in list(s)[:15]:
    del s[k]
print(len(s), sys.getsizeof(s))
