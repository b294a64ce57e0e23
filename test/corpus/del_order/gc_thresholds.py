# The cyclic collector's settings and counters: thresholds, enabled flag, and counts after a collection.
import gc

print('threshold:', gc.get_threshold())
print('enabled:', gc.isenabled())
gc.collect()
print('count after collect:', gc.get_count())
keep = [[] for _ in range(10)]
print('count after 10 new lists:', gc.get_count())
del keep
print('count after freeing them:', gc.get_count())
gc.set_threshold(100, 5, 5)
print('threshold now:', gc.get_threshold())
print('garbage list:', gc.garbage, 'stats entries:', len(gc.get_stats()))
