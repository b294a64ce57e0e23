# A nested function that calls itself is in a reference cycle (function -> cell -> function): gc frees it.
import gc


class Marker:
    def __del__(self):
        print('marker freed')


def make_walker():
    marker = Marker()

    def walk(n):
        if n == 0:
            return marker is not None
        return walk(n - 1)

    return walk


w = make_walker()
print('walk:', w(3))
print('closure holds itself:', w.__closure__[1].cell_contents is w)
del w
print('after del: the cycle keeps the marker alive')
print('collected:', gc.collect() > 0)
print('end')
