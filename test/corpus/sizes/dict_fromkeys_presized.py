# dict.fromkeys of a dict or a set sizes the table for all the keys first (str-only for a dict's str keys, general for a set)
import sys
for n in (1, 4, 5, 6, 21):
    src = {'k%d' % i: i for i in range(n)}
    c = dict.fromkeys(src)
    s = dict.fromkeys(set(src))
    l = dict.fromkeys(list(src))
    print(n, sys.getsizeof(src), sys.getsizeof(c), sys.getsizeof(dict(c)), sys.getsizeof(s), sys.getsizeof(l), sys.getsizeof(dict(src)))
