# appending over-allocates: the list's size jumps only when its capacity is used up
import sys
lst = []
last = sys.getsizeof(lst)
print(0, last)
for i in range(1, 70):
    lst.append(i)
    size = sys.getsizeof(lst)
    if size != last:
        print(i, size)
        last = size
while lst:
    lst.pop()
    size = sys.getsizeof(lst)
    if size != last:
        print(len(lst), size)
        last = size
