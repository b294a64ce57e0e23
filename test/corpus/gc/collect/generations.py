# gc.collect(0), (1) and (2): a young cycle is found by any of them; one promoted to generation 2 only by (2).
import gc


def make_cycle(n):
    for _ in range(n):
        a = []
        a.append(a)


make_cycle(3)
print('collect(0) finds the young cycles:', gc.collect(0))
make_cycle(2)
print('collect(2) finds them too:', gc.collect(2))
gc.disable()
keep = []
keep.append(keep)
gc.collect(0)
gc.collect(1)
print('survivor in generation 2:', any(o is keep for o in gc.get_objects(generation=2)))
del keep
print('collect(0) after promotion:', gc.collect(0))
print('collect(1) after promotion:', gc.collect(1))
print('collect(2) after promotion:', gc.collect(2))
gc.enable()
