# the capacities list_resize chooses as a list grows one item at a time
import sys
lst = []
caps = []
empty = sys.getsizeof([])
word = (sys.getsizeof([0]) - empty)
for i in range(200):
    lst.append(None)
    cap = (sys.getsizeof(lst) - empty) // word
    if not caps or caps[-1] != cap:
        caps.append(cap)
print(caps)
print(word in (4, 8))
