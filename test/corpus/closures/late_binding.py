# Closures see a variable's value when they run, not when they were made: the classic loop pitfall.
callbacks = []
for i in range(3):
    callbacks.append(lambda: i)
print('late binding:', [f() for f in callbacks])

fixed = []
for i in range(3):
    fixed.append(lambda i=i: i)
print('default argument captures the value:', [f() for f in fixed])

from_comprehension = [lambda: n for n in range(3)]
print('comprehension lambdas:', [f() for f in from_comprehension])


def make(n):
    return lambda: n


factory = [make(n) for n in range(3)]
print('one scope per call:', [f() for f in factory])
i = 'changed'
print('module loop variable changed later:', callbacks[0]())
