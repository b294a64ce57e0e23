# insert grows like append; pop shrinks a list once it is under half full
import sys
a = []
for i in range(20):
    a.insert(0, i)
print(len(a), sys.getsizeof(a))
sizes = []
while a:
    a.pop(0)
    sizes.append(sys.getsizeof(a))
print(sizes)
b = list(range(100))
print(sys.getsizeof(b))
del b[10:]
print(len(b), sys.getsizeof(b))
del b[:]
print(len(b), sys.getsizeof(b))
