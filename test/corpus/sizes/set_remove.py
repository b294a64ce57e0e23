# removing from a set never shrinks it; clear() returns to the small table
import sys
s = set(range(50))
print(sys.getsizeof(s))
for i in range(45):
    s.discard(i)
print(len(s), sys.getsizeof(s))
s.add(1000)
print(sys.getsizeof(s))
s.clear()
print(len(s), sys.getsizeof(s))
t = {1, 2, 3}
t.pop()
print(sys.getsizeof(t))
u = set(range(20))
u.difference_update(range(15))
print(len(u), sys.getsizeof(u))
u.update(range(100, 140))
print(len(u), sys.getsizeof(u))
