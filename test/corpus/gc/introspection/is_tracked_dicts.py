# Dicts of atoms are untracked until a container is stored in them (before 3.14); tracking per version.
import gc


def make(**kw):
    return dict(kw)


gc.disable()
atoms = make(a=1, b='x')
print('dict of atoms:', gc.is_tracked(atoms))
atoms['c'] = (1, 2)
print('after storing a tuple of ints:', gc.is_tracked(atoms))
atoms['d'] = []
print('after storing a list:', gc.is_tracked(atoms))
del atoms['d']
print('after deleting the list again:', gc.is_tracked(atoms))
empty = {}
print('empty dict:', gc.is_tracked(empty))
holder = make(x=[1])
print('dict built with a list:', gc.is_tracked(holder))
holder['x'] = 1
gc.collect()
print('after collect, dict now holding only atoms:', gc.is_tracked(holder))
gc.enable()
