# gc.get_count()[0] grows with container allocations only; ints and strings are not tracked.
import gc

gc.disable()
gc.collect()
start = gc.get_count()[0]
nums = [i * 1000 for i in range(3)]
after_list = gc.get_count()[0]
text = 'abc' * 50
ints = 10 ** 30
after_atoms = gc.get_count()[0]
boxes = [[] for _ in range(100)]
after_lists = gc.get_count()[0]
d = {i: [] for i in range(100)}
after_dict = gc.get_count()[0]
print('one list comprehension:', after_list - start)
print('a str and an int:', after_atoms - after_list)
print('101 lists:', after_lists - after_atoms)
print('dict of 100 lists:', after_dict - after_lists)
gc.enable()
