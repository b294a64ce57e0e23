# a set's size depends on how many entries it holds, not on which strings they are
import sys
words = 'one two three four five six seven eight nine ten eleven twelve'.split()
s = set()
for w in words:
    s.add(w)
    print(len(s), sys.getsizeof(s))
print(sys.getsizeof(set(words)), sys.getsizeof({w for w in words}))
print(sys.getsizeof(set(words[:4])), sys.getsizeof(set(w[0] for w in words)))
