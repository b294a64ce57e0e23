# gc.get_stats(): one dict per generation; its keys and value types (the numbers depend on the interpreter).
import gc

stats = gc.get_stats()
print('generations:', len(stats))
for gen, entry in enumerate(stats):
    print(gen, sorted(entry), all(type(v) is int for v in entry.values()))
before = gc.get_stats()[2]['collections']
gc.collect()
after = gc.get_stats()[2]['collections']
print('a full collection adds one to generation 2 collections:', after - before)
a = []
a.append(a)
del a
c0 = gc.get_stats()[0]['collected']
gc.collect(0)
print('collect(0) of one cycle adds to generation 0 collected:', gc.get_stats()[0]['collected'] - c0)
