# Unbounded recursion raises RecursionError at the recursion limit; the program catches it and carries on.
import sys


def depth(n):
    return depth(n + 1)


def count_down(n):
    return 0 if n == 0 else 1 + count_down(n - 1)


try:
    depth(0)
except RecursionError as e:
    print('caught', type(e).__name__)
print('bounded recursion still works:', count_down(500))
sys.setrecursionlimit(200)
try:
    count_down(500)
except RecursionError as e:
    print('with a lower limit:', type(e).__name__)
print('limit now', sys.getrecursionlimit())
