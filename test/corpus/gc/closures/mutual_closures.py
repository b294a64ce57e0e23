# Two inner functions calling each other share cells: the pair forms one cycle the collector frees.
import gc
import weakref


def make_parity():
    def is_even(n):
        return True if n == 0 else is_odd(n - 1)

    def is_odd(n):
        return False if n == 0 else is_even(n - 1)
    return is_even, is_odd


even, odd = make_parity()
print('even(10):', even(10), 'odd(7):', odd(7))
print('even cells:', even.__code__.co_freevars, 'odd cells:', odd.__code__.co_freevars)
refs = [weakref.ref(even), weakref.ref(odd)]
del even
print('even alive through odd:', refs[0]() is not None)
del odd
print('both alive before collect:', [r() is not None for r in refs])
print('collect found:', gc.collect())
print('alive after collect:', [r() is not None for r in refs])
