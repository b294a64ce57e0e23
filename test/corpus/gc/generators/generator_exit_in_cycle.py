# The collector closes a suspended generator in a cycle by throwing GeneratorExit into it.
import gc


class Holder:
    def __init__(self, name):
        self.name = name
        self.gen = None


def watcher(holder):
    try:
        while True:
            yield
    except GeneratorExit:
        print('GeneratorExit in', holder.name, '; holder still has gen:', holder.gen is not None)
        raise


h = Holder('cyclic')
h.gen = watcher(h)
next(h.gen)
del h
print('collect found:', gc.collect())
other = Holder('explicit')
gen = watcher(other)
next(gen)
gen.close()
print('closed explicitly; gi_frame is None:', gen.gi_frame is None)
print('close again is a no-op:', gen.close())
