# statistics('filename') adds up every line of a file; a Filter can exclude a file's traces.
import tracemalloc

tracemalloc.start()
data = [str(n) * 3 for n in range(4000)]
more = list(range(10000, 14000))
snapshot = tracemalloc.take_snapshot()
by_file = snapshot.statistics("filename")
mine = [s for s in by_file if s.traceback[0].filename == "tracemalloc/statistics_filename.py"]
print("file size:", mine[0].size)
print("file count:", mine[0].count)
print("lineno:", mine[0].traceback[0].lineno)
excluded = snapshot.filter_traces([tracemalloc.Filter(False, "tracemalloc/statistics_filename.py")])
print("left after excluding this file:", sum(s.size for s in excluded.statistics("filename")) < 5000)
tracemalloc.stop()
