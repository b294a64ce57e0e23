# A dict of str keys uses the compact str-only table (no hashes stored); values are their own objects.
import tracemalloc

tracemalloc.start()
index = {("key%d" % i): i + 1000 for i in range(20000)}
current, peak = tracemalloc.get_traced_memory()
print("current:", current)
print("peak:", peak)
index.clear()
print("after clear:", tracemalloc.get_traced_memory()[0] < 3000)
tracemalloc.stop()
