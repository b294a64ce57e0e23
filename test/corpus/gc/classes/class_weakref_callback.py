# A weakref callback on a class fires only when the collector frees the class after its last instance.
import gc
import weakref


class Model:
    def __del__(self):
        print('instance freed')


r = weakref.ref(Model, lambda ref: print('class collected'))
m = Model()
del Model
print('del Model: class kept alive by m')
del m
print('del m: class now in unreachable cycles only')
gc.collect()
print('after collect, ref dead:', r() is None)
