# An exception saved in a local of the frame its traceback holds: exception -> traceback -> frame -> exception.
import gc
import weakref


class Boom(ValueError):
    pass


class Payload:
    def __del__(self):
        print('payload freed')


def fail_and_keep():
    data = Payload()
    try:
        raise Boom('boom')
    except Boom as e:
        saved = e
    print('frame of the traceback holds saved:', saved.__traceback__.tb_frame.f_locals['saved'] is saved)
    return weakref.ref(saved)


r = fail_and_keep()
print('after return, exception alive:', r() is not None)
print('collect found:', gc.collect())
print('exception alive after collect:', r() is not None)
