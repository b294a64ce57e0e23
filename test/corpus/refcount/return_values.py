# A returned object loses the callee's local reference as the frame ends and gains the caller's binding.
import sys


class Result:
    def __init__(self, value):
        self.value = value


cache = {}


def compute(key):
    result = Result(key * 2)
    print('  inside, before return:', sys.getrefcount(result))
    return result


def compute_cached(key):
    if key not in cache:
        cache[key] = Result(key * 3)
    return cache[key]


r = compute(4)
print('returned:', sys.getrefcount(r))
c1 = compute_cached(5)
c2 = compute_cached(5)
print('cached result, dict + 2 names:', sys.getrefcount(c1), c1 is c2)
print('chained call result:', sys.getrefcount(compute(1)))
