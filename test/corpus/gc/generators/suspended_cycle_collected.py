# A generator in a cycle, suspended in try/finally: the collector finalizes it and its finally block runs.
import gc


def job(state):
    try:
        print('job started')
        yield 'step'
        yield 'never'
    finally:
        print('finally runs; state still has', sorted(state))


state = {}
g = job(state)
state['gen'] = g
state['note'] = 'kept'
print(next(g))
del g, state
print('cycle dropped; finally not yet run')
print('collect found:', gc.collect())
print('end')
