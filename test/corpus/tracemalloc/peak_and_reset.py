# The peak remembers the largest traced total; reset_peak() brings it down to what is in use now.
import tracemalloc

tracemalloc.start()
big = list(range(50000))
del big
current, peak = tracemalloc.get_traced_memory()
print("peak after a temporary list:", peak)
print("current back down:", current < 2000)
tracemalloc.reset_peak()
small = list(range(5000))
current, peak = tracemalloc.get_traced_memory()
print("current:", current)
print("peak since reset:", peak)
tracemalloc.stop()
