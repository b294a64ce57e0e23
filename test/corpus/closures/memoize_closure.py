# A memoizing decorator written with a closure over a dict cache.
def memoize(func):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]

    wrapper.cache = cache
    return wrapper


calls = 0


@memoize
def fib(n):
    global calls
    calls += 1
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), 'computed with', calls, 'calls')
print(fib(31), 'now', calls, 'calls')
print('cached keys:', len(fib.cache), min(fib.cache), max(fib.cache))
