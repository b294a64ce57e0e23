# gc.get_threshold() defaults per version, and set_threshold with one, two or three values.
import gc

print('default:', gc.get_threshold())
gc.set_threshold(50)
print('set_threshold(50):', gc.get_threshold())
gc.set_threshold(60, 3)
print('set_threshold(60, 3):', gc.get_threshold())
gc.set_threshold(70, 4, 5)
print('set_threshold(70, 4, 5):', gc.get_threshold())
try:
    gc.set_threshold()
except TypeError:
    print('set_threshold() needs at least one value')
try:
    gc.set_threshold(1, 2, 3, 4)
except TypeError:
    print('set_threshold(1, 2, 3, 4): TypeError')
else:
    print('set_threshold(1, 2, 3, 4) accepted:', gc.get_threshold())
