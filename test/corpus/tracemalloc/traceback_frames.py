# start(nframe) keeps that many frames; statistics('traceback') groups by the whole call chain.
import tracemalloc


def make_rows(n):
    return [[i] * 10 for i in range(n)]


def build():
    return make_rows(1000)


tracemalloc.start(5)
print("limit:", tracemalloc.get_traceback_limit())
rows = build()
snapshot = tracemalloc.take_snapshot()
stats = snapshot.filter_traces([tracemalloc.Filter(True, "tracemalloc/traceback_frames.py")]).statistics("traceback")
top = stats[0]
print("size:", top.size)
print("count:", top.count)
for line in top.traceback.format()[-8:]:
    print(line)
print("total frames:", top.traceback.total_nframe)
tracemalloc.stop()
