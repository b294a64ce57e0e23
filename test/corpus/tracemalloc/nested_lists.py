# A list of lists: each inner list is an object plus its own item array.
import tracemalloc

tracemalloc.start()
grid = [[0] * 50 for _ in range(2000)]
print("grid:", tracemalloc.get_traced_memory()[0])
grid[0].extend(range(1000, 2000))
print("one row extended:", tracemalloc.get_traced_memory()[0])
for row in grid:
    row.clear()
print("rows cleared:", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
