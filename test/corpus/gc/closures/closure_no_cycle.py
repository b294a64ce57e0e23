# A closure that does not refer to itself is freed by reference counting alone, no collection needed.
import gc


class Tracker:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('tracker', self.name, 'freed')


def make_counter(name):
    t = Tracker(name)
    count = 0

    def inc():
        nonlocal count
        count += 1
        return t.name, count
    return inc


gc.disable()
c = make_counter('plain')
print(c(), c())
print('cells:', c.__code__.co_freevars)
del c
print('freed by refcount, collect finds:', gc.collect())
gc.enable()
