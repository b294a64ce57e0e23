# the same number of entries costs more with int keys than with str keys
import sys
for n in (1, 5, 10, 20, 40, 80):
    si = {str(i): i for i in range(n)}
    ii = {i: i for i in range(n)}
    print(n, sys.getsizeof(si), sys.getsizeof(ii), sys.getsizeof(ii) - sys.getsizeof(si))
mixed = {str(i): i for i in range(10)}
mixed[0] = 0
print(sys.getsizeof(mixed))
