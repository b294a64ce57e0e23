# A dict grows its keys table (indices and entries) as it fills; the old table is freed after each resize.
import tracemalloc

tracemalloc.start()
table = {}
for n in (10, 100, 1000, 10000):
    while len(table) < n:
        k = len(table) + 1000
        table[k] = k
    current, peak = tracemalloc.get_traced_memory()
    print(f"{n} keys: {current}")
print("peak:", tracemalloc.get_traced_memory()[1])
table.clear()
print("after clear:", tracemalloc.get_traced_memory()[0] < 3000)
tracemalloc.stop()
