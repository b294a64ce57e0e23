# `x in {1, 2, 3}` uses a frozenset constant; frozenset() of a frozenset returns the same object.
def is_small_prime(n):
    return n in {2, 3, 5, 7}


def constant_set():
    return frozenset({2, 3, 5, 7})


print([n for n in range(10) if is_small_prime(n)])
consts = [c for c in is_small_prime.__code__.co_consts if isinstance(c, frozenset)]
print('frozenset constant in code:', consts)
fs = frozenset([1, 2, 3])
print('frozenset(fs) is fs:', frozenset(fs) is fs)
print('copy of frozenset is itself:', fs.copy() is fs)
s = {1, 2, 3}
print('set.copy is new:', s.copy() is s)
print('frozenset(set) equal:', frozenset(s) == fs)
print('two calls build two frozensets:', constant_set() is constant_set())
