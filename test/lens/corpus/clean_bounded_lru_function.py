# lens-corpus: clean: functools.lru_cache with a bound (maxsize=128) on a module-level pure function of ints; the cache holds small keys only and cannot grow past its bound.
from functools import lru_cache


@lru_cache(maxsize=128)
def ways_to_climb(steps, max_jump):
    if steps == 0:
        return 1
    if steps < 0:
        return 0
    return sum(ways_to_climb(steps - j, max_jump) for j in range(1, max_jump + 1))


@lru_cache(maxsize=128)
def binomial(n, k):
    if k == 0 or k == n:
        return 1
    return binomial(n - 1, k - 1) + binomial(n - 1, k)


for steps in (5, 10, 20, 30):
    print(f"{steps:2d} steps: {ways_to_climb(steps, 2)} ways with jumps of 1-2, {ways_to_climb(steps, 3)} with 1-3")

row = [binomial(12, k) for k in range(13)]
print("row 12:", row)
print("sum check:", sum(row) == 2 ** 12)
info = binomial.cache_info()
print("binomial cache:", info.currsize, "of", info.maxsize)
binomial.cache_clear()
print("after clear:", binomial.cache_info().currsize, "entries")
