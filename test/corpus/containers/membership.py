# The `in` operator on each container type, and a class that defines __contains__.
class Range:
    def __init__(self, low, high):
        self.low = low
        self.high = high

    def __contains__(self, value):
        print('  __contains__', value)
        return self.low <= value < self.high


print(3 in [1, 2, 3], 3 in (1, 2), 'b' in {'a': 1, 'b': 2}, 2 in {1, 2})
print('ell' in 'hello', 'x' not in 'hello', b'el' in b'hello')
r = Range(10, 20)
print(15 in r)
print(25 not in r)


class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


print('falls back to __getitem__:', 20 in Seq(), 25 in Seq())
print('dict values:', 2 in {'a': 2}.values(), ('a', 2) in {'a': 2}.items())
