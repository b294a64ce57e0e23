# Closures as hand-made partial application, compared with functools.partial.
import functools


def power(base, exponent):
    return base ** exponent


def fix_exponent(exponent):
    def raise_to(base):
        return power(base, exponent)

    return raise_to


square = fix_exponent(2)
cube = fix_exponent(3)
print([square(n) for n in range(5)])
print([cube(n) for n in range(5)])
cube2 = functools.partial(power, exponent=3)
print([cube2(n) for n in range(5)])
print('partial keeps its arguments:', cube2.args, cube2.keywords)
adders = {n: (lambda x, n=n: x + n) for n in (1, 10, 100)}
print({n: f(5) for n, f in adders.items()})
