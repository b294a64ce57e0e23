# gc.get_count() right after collections of each generation: who is reset and who is incremented.
import gc

gc.disable()
gc.collect()
print('after collect():', gc.get_count())
junk = [[] for _ in range(50)]
print('after 50 lists, first count >= 50:', gc.get_count()[0] >= 50)
gc.collect(0)
print('after collect(0):', gc.get_count())
gc.collect(0)
print('after another collect(0):', gc.get_count())
gc.collect(1)
print('after collect(1):', gc.get_count())
gc.collect(2)
print('after collect(2):', gc.get_count())
gc.enable()
