# A vector class with arithmetic, comparison, container and truth-value dunder methods.
class Vector:
    def __init__(self, *components):
        self.c = list(components)

    def __repr__(self):
        return f'Vector({", ".join(map(str, self.c))})'

    def __add__(self, other):
        return Vector(*(a + b for a, b in zip(self.c, other.c)))

    def __mul__(self, k):
        return Vector(*(a * k for a in self.c))

    __rmul__ = __mul__

    def __eq__(self, other):
        return isinstance(other, Vector) and self.c == other.c

    def __len__(self):
        return len(self.c)

    def __getitem__(self, i):
        return self.c[i]

    def __bool__(self):
        return any(self.c)

    def __abs__(self):
        return sum(a * a for a in self.c) ** 0.5


v = Vector(3, 4)
w = Vector(1, 1)
print(v + w, v * 2, 3 * w, abs(v), len(v), v[0], v[-1])
print(v == Vector(3, 4), v != w, bool(Vector(0, 0)), list(v))
print([x for x in Vector(5, 6, 7)])
