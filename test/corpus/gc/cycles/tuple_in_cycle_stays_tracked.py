# A tuple that is part of a live cycle stays tracked after a collection; a tuple of atoms gets untracked.
import gc


def make_tuple(*items):
    return tuple(items)


gc.disable()
holder = []
cyc = make_tuple('x', holder)
holder.append(cyc)
atoms = make_tuple('x', 1, 2.5)
print('before collect:', gc.is_tracked(cyc), gc.is_tracked(atoms) or 'untracked')
gc.collect()
print('after collect, cycle tuple tracked:', gc.is_tracked(cyc))
print('after collect, atom tuple tracked:', gc.is_tracked(atoms))
del holder, cyc
print('cycle through the tuple, collect found:', gc.collect())
gc.enable()
