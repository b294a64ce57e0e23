# raising and catching does not change an exception's size; its traceback is a separate object
import sys
def fail(n):
    if n == 0:
        raise ValueError('deep')
    fail(n - 1)
try:
    fail(3)
except ValueError as e:
    tb = e.__traceback__
    depth = 0
    while tb:
        depth += 1
        print(depth, sys.getsizeof(tb))
        tb = tb.tb_next
    print(sys.getsizeof(e), sys.getsizeof(e.args))
err = RuntimeError('x', 'y', 'z')
print(sys.getsizeof(err), sys.getsizeof(err.args))
