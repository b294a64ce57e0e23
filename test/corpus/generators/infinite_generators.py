# Infinite generators are fine as long as something stops pulling: islice, takewhile, zip.
import itertools


def naturals():
    n = 0
    while True:
        yield n
        n += 1


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print(list(itertools.islice(fibonacci(), 12)))
print(list(itertools.takewhile(lambda n: n < 100, (n * n for n in naturals()))))
print(list(zip('abc', naturals())))
evens = (n for n in naturals() if n % 2 == 0)
print([next(evens) for _ in range(5)])
print(next(itertools.dropwhile(lambda f: f < 1000, fibonacci())))
