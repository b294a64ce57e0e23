# gc.collect(1) with fresh cycles: a generation-1 collection, or in 3.14 one incremental step that may do nothing.
import gc


def cycle():
    a = []
    a.append(a)


for step in range(3):
    cycle()
    print('collect(1):', gc.collect(1))
cycle()
print('collect(0):', gc.collect(0))
cycle()
print('collect(2):', gc.collect(2))
print('collect() with nothing left:', gc.collect())
