# A class object sits in cycles (its __mro__ holds itself, its __dict__ holds descriptors pointing back).
import gc
import weakref


class Temp:
    def method(self):
        return 1


r = weakref.ref(Temp)
print('Temp in its own __mro__:', Temp.__mro__[0] is Temp)
print('__dict__ descriptor points back:', Temp.__dict__['__dict__'].__objclass__ is Temp)
del Temp
print('class alive after del:', r() is not None)
found = gc.collect()
print('class alive after collect:', r() is not None)
print('collect found at least 5 objects:', found >= 5)
