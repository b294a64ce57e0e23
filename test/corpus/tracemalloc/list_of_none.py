# A list of 100000 None: one object and one item array of 8 bytes a slot, traced at their requested sizes.
import tracemalloc

tracemalloc.start()
items = [None] * 100000
current, peak = tracemalloc.get_traced_memory()
print("current:", current)
print("peak:", peak)
del items
current, peak = tracemalloc.get_traced_memory()
print("after del, peak:", peak)
print("after del, freed:", current < 1000)
tracemalloc.stop()
