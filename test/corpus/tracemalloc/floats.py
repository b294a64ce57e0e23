# Floats are 24 bytes each; a list built by append grows its item array by about an eighth each time.
import tracemalloc

tracemalloc.start()
values = []
for i in range(30000):
    values.append(i / 7)
current, peak = tracemalloc.get_traced_memory()
print("current:", current)
print("peak:", peak)
tracemalloc.reset_peak()
values = values[:10000]
current, peak = tracemalloc.get_traced_memory()
print("after slicing:", current)
print("peak since reset:", peak)
tracemalloc.stop()
