# traceback.clear_frames() drops the locals of the frames a traceback holds, breaking the exception cycle.
import gc
import traceback
import weakref


class Payload:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('payload', self.name, 'freed')


def work(name):
    data = Payload(name)
    try:
        1 / 0
    except ZeroDivisionError as e:
        saved = e
    return saved


gc.disable()
err = work('first')
print('exception:', type(err).__name__, err)
traceback.clear_frames(err.__traceback__)
print('frames cleared')
del err
print('collect finds:', gc.collect())
err = work('second')
del err
print('not cleared, collect finds:', gc.collect())
gc.enable()
