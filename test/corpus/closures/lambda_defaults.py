# Lambdas close over names too; default arguments are evaluated once, when the lambda is made.
from functools import reduce

threshold = 10
above = lambda n: n > threshold
above_fixed = lambda n, t=threshold: n > t
print(above(15), above_fixed(15))
threshold = 20
print('after raising threshold:', above(15), above_fixed(15))
ops = {
    '+': lambda a, b: a + b,
    '-': lambda a, b: a - b,
    '*': lambda a, b: a * b,
}
print([ops[o](6, 3) for o in '+-*'])
print('lambda name:', ops['+'].__name__)
pairs = sorted([(2, 'b'), (1, 'z'), (2, 'a')], key=lambda p: (p[0], p[1]))
print(pairs)
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5), (lambda: None)() is None)
print(reduce(lambda acc, x: acc * x, range(1, 6)))
