# Snapshot.statistics('lineno'): the live blocks grouped by the line that allocated them, biggest first.
import tracemalloc

tracemalloc.start()
squares = [n * n for n in range(2000)]
names = ["item-%d" % n for n in range(2000)]
lookup = dict.fromkeys(range(5000, 7000))
snapshot = tracemalloc.take_snapshot()
mine = snapshot.filter_traces([tracemalloc.Filter(True, "tracemalloc/statistics_lineno.py")])
stats = mine.statistics("lineno")
for stat in stats[:3]:
    print(stat)
top = stats[0]
print("top line:", top.traceback[0].lineno)
print("top size:", top.size)
print("top count:", top.count)
tracemalloc.stop()
