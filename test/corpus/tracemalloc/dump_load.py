# Snapshot.dump writes a snapshot to a file and Snapshot.load reads back one equal in every statistic
import tracemalloc
tracemalloc.start(3)
data = [list(range(50)) for _ in range(20)]
words = {str(i): i for i in range(200)}
snap = tracemalloc.take_snapshot()
tracemalloc.stop()
snap.dump('dump_load_snapshot.pickle')
loaded = tracemalloc.Snapshot.load('dump_load_snapshot.pickle')
print(type(loaded).__name__, loaded is snap, loaded.traceback_limit == snap.traceback_limit)
print(len(loaded.traces) == len(snap.traces), loaded.traces[0] == snap.traces[0])
a = snap.statistics('lineno')
b = loaded.statistics('lineno')
print(a == b, len(a) == len(b), [str(s) for s in a[:3]] == [str(s) for s in b[:3]])
print(snap.statistics('traceback') == loaded.statistics('traceback'))
diff = loaded.compare_to(snap, 'lineno')
print(all(d.size_diff == 0 and d.count_diff == 0 for d in diff), len(diff) == len(a))
filtered = loaded.filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
print(len(filtered.traces) == len(snap.filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)]).traces))
try:
    tracemalloc.Snapshot.load('missing.pickle')
except FileNotFoundError as e:
    print('FileNotFoundError', e)
