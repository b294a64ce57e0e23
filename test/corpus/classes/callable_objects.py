# Instances with __call__ behave like functions and can keep state between calls.
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = 0

    def __call__(self, x):
        self.calls += 1
        return x * self.factor


double = Multiplier(2)
print(double(21), list(map(double, [1, 2, 3])), double.calls)
print(callable(double), callable(Multiplier), callable(42))


class Compose:
    def __init__(self, *funcs):
        self.funcs = funcs

    def __call__(self, value):
        for f in reversed(self.funcs):
            value = f(value)
        return value


pipeline = Compose(str, Multiplier(3), abs)
print(repr(pipeline(-7)))
