# throw() raises an exception at the paused yield; the generator may handle it and go on.
def resilient():
    while True:
        try:
            value = yield 'ready'
            print('  got', value)
        except ValueError as e:
            print('  handled', e)
            yield 'recovered'


g = resilient()
print(next(g))
print(g.send('data'))
print(g.throw(ValueError('bad input')))
print(next(g))


def fragile():
    yield 1
    yield 2


f = fragile()
next(f)
try:
    f.throw(KeyError('boom'))
except KeyError as e:
    print('propagated:', repr(e))
print('after failing, exhausted:', next(f, 'exhausted'))
