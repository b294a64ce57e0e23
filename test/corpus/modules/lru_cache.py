# functools.lru_cache: hits, misses, maxsize eviction and cache_clear.
from functools import lru_cache, cache


@lru_cache(maxsize=3)
def square(n):
    print(f'  computing {n}')
    return n * n


for n in [1, 2, 1, 3, 4, 1, 2]:
    print(n, '->', square(n))
print(square.cache_info())
square.cache_clear()
print(square.cache_info())


@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info().currsize)
print(square.__wrapped__(9), square.__name__)
