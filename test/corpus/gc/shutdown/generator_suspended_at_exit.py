# A generator suspended in try/finally and still referenced by a global runs its finally block at shutdown.
def worker(name):
    try:
        print(name, 'started')
        yield 1
        yield 2
    finally:
        print(name, 'finally at exit')


g = worker('global-gen')
next(g)
pending = [worker('listed-gen')]
next(pending[0])
print('end of program body')
