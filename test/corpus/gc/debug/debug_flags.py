# The gc debug flags: their values, get_debug after set_debug, and DEBUG_LEAK as a combination.
import gc

names = ['DEBUG_STATS', 'DEBUG_COLLECTABLE', 'DEBUG_UNCOLLECTABLE', 'DEBUG_SAVEALL', 'DEBUG_LEAK']
for name in names:
    print(name, getattr(gc, name))
print('initial get_debug:', gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL | gc.DEBUG_UNCOLLECTABLE)
print('after set_debug(SAVEALL | UNCOLLECTABLE):', gc.get_debug())
print('LEAK = COLLECTABLE | UNCOLLECTABLE | SAVEALL:',
      gc.DEBUG_LEAK == gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_SAVEALL)
gc.set_debug(0)
print('reset:', gc.get_debug())
try:
    gc.set_debug('all')
except TypeError:
    print('set_debug needs an int')
