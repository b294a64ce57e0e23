# gc.collect() accepts only generations 0, 1 and 2.
import gc

for gen in (3, -1, 100):
    try:
        gc.collect(gen)
    except ValueError as e:
        print(f'collect({gen}): ValueError: {e}')
try:
    gc.collect('2')
except TypeError as e:
    print('collect("2"): TypeError')
print('keyword generation=0:', gc.collect(generation=0))
for gen in (3, -2):
    try:
        gc.get_objects(generation=gen)
    except ValueError as e:
        print(f'get_objects({gen}): ValueError: {e}')
print('get_objects(generation=None) is a list:', type(gc.get_objects(generation=None)).__name__)
