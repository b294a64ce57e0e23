# A generator runs lazily: its body advances only when next() asks for the next value.
def countdown(n):
    print('  starting countdown')
    while n > 0:
        print('  about to yield', n)
        yield n
        n -= 1
    print('  countdown finished')


g = countdown(3)
print('generator created, nothing ran yet')
print('next ->', next(g))
print('next ->', next(g))
for value in g:
    print('loop got', value)
try:
    next(g)
except StopIteration:
    print('exhausted: StopIteration')
print('list of a new one:', list(countdown(2)))
