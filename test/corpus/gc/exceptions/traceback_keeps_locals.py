# A caught exception kept outside its function keeps that frame's locals alive until it is dropped.
import gc


class Big:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('big', self.name, 'freed')


def inner():
    local = Big('inner-local')
    raise RuntimeError('inner failed')


def outer():
    other = Big('outer-local')
    inner()


try:
    outer()
except RuntimeError as e:
    kept = e
print('caught; frames in traceback:', end=' ')
tb, names = kept.__traceback__, []
while tb:
    names.append(tb.tb_frame.f_code.co_name)
    tb = tb.tb_next
print(names)
del tb
print('dropping the exception:')
del kept
print('collect found:', gc.collect())
