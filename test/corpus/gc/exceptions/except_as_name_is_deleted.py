# `except E as e` deletes e at the end of the block, so no frame-traceback cycle forms and refcount frees all.
import gc
import weakref


class Missing(KeyError):
    pass


class Payload:
    def __del__(self):
        print('payload freed')


def fail():
    data = Payload()
    try:
        raise Missing('k')
    except Missing as e:
        r = weakref.ref(e)
        print('inside except, message:', e)
    print('e deleted:', 'e' not in locals())
    return r


gc.disable()
r = fail()
print('exception alive after return:', r() is not None)
print('collect finds:', gc.collect())
gc.enable()
