# Classes made with type() at run time are garbage like any class: collected with their methods.
import gc
import weakref


def make_class(i):
    def describe(self):
        return f'instance of {type(self).__name__}'
    return type(f'Dyn{i}', (), {'describe': describe, 'index': i})


refs = []
for i in range(5):
    cls = make_class(i)
    print(cls.__name__, cls.index, cls().describe())
    refs.append(weakref.ref(cls))
del cls
print('alive before collect:', sum(r() is not None for r in refs))
gc.collect()
print('alive after collect:', sum(r() is not None for r in refs))
