# popping and re-inserting the same keys uses up the table's spare entries until it is rebuilt
import sys
d = {'a': 1, 'b': 2, 'c': 3}
print(sys.getsizeof(d))
for round in range(6):
    v = d.pop('a')
    d['a'] = v
    print(round, sys.getsizeof(d))
e = {i: i for i in range(5)}
for i in range(5, 40):
    del e[i - 5]
    e[i] = i
print(len(e), sys.getsizeof(e))
