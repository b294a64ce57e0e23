# How freeing container objects moves gc.get_count()[0]: instances count down; lists on the free list may not.
import gc


class Thing:
    pass


gc.disable()
gc.collect()
base = gc.get_count()[0]
things = [Thing() for _ in range(200)]
grown = gc.get_count()[0] - base
print('200 instances and a list, count grew by:', grown)
del things
print('after freeing them:', gc.get_count()[0] - base)
gc.collect()
base = gc.get_count()[0]
lists = [[] for _ in range(200)]
grown = gc.get_count()[0] - base
print('201 lists, count grew by:', grown)
del lists
print('after freeing them:', gc.get_count()[0] - base)
gc.enable()
