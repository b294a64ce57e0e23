# Snapshot.compare_to: what each line added or released between two snapshots, biggest change first.
import tracemalloc

FILE = "tracemalloc/compare_to.py"
tracemalloc.start()
kept = [float(n) for n in range(2500)]
dropped = [n * 1000 for n in range(2500)]
first = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, FILE)])
del dropped
grown = {n: None for n in range(20000, 23000)}
second = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, FILE)])
diffs = second.compare_to(first, "lineno")
for diff in diffs:
    if diff.size >= 10000 or abs(diff.size_diff) >= 10000:
        print(diff)
biggest = diffs[0]
print("biggest change at line:", biggest.traceback[0].lineno)
print("size_diff:", biggest.size_diff)
print("count_diff:", biggest.count_diff)
tracemalloc.stop()
