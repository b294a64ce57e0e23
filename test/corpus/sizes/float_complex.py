# floats and complex numbers have a fixed size whatever their value
import sys
for x in (0.0, 1.5, -2.25, 1e300, float('inf'), float('nan')):
    print(repr(x), sys.getsizeof(x))
print(sys.getsizeof(1 / 3), sys.getsizeof(2 ** 0.5), sys.getsizeof(float('1.5')))
for z in (0j, 1j, complex(1, 2), complex(1e300, -1e300)):
    print(repr(z), sys.getsizeof(z))
print(sys.getsizeof((1 + 2j) * (3 - 1j)), sys.getsizeof(abs(3 + 4j)))
print(float.__sizeof__(1.0), complex.__sizeof__(1j))
print(sys.getsizeof(1.0) < sys.getsizeof(1j))
