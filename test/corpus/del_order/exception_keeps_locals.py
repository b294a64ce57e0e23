# An exception's traceback keeps the frames, and so the locals, of the failed calls alive until it is dropped.
class Lock:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('release', self.name)


def inner():
    lock = Lock('inner')
    raise RuntimeError('failed')


def outer():
    lock = Lock('outer')
    inner()


try:
    outer()
except RuntimeError as e:
    print('caught:', e)
    print('locks still held in the handler')
print('after the handler')
try:
    outer()
except RuntimeError as e:
    saved = e
print('exception saved')
del saved
print('end')
