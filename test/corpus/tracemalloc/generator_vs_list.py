# Summing a generator keeps one value alive at a time; summing a list holds them all: compare the peaks.
import tracemalloc

tracemalloc.start()
total = sum(x * 1000 for x in range(50000))
print("generator peak small:", tracemalloc.get_traced_memory()[1] < 5000)
tracemalloc.reset_peak()
total = sum([x * 1000 for x in range(50000)])
print("list peak:", tracemalloc.get_traced_memory()[1])
print("total:", total)
tracemalloc.stop()
