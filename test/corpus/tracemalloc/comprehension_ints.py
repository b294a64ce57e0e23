# A comprehension of 20000 ints: the int objects (32-byte requests) and the list's over-allocated item array.
import tracemalloc

tracemalloc.start()
numbers = [i * 3 for i in range(20000)]
current, peak = tracemalloc.get_traced_memory()
print("current:", current)
print("peak:", peak)
del numbers
current, peak = tracemalloc.get_traced_memory()
print("after del, current small:", current < 2000)
tracemalloc.stop()
