# A generator suspended inside try/finally runs its finally block when it is freed (by refcount).
import gc


def reader(name):
    print(name, 'opened')
    try:
        yield 1
        yield 2
    finally:
        print(name, 'finally block runs')


g = reader('plain')
print('first value:', next(g))
print('dropping the suspended generator:')
del g
print('never started:')
h = reader('unstarted')
del h
print('finished generator:')
print(list(reader('finished')))
print('end')
