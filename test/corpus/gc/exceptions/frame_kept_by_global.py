# A frame taken from a traceback and stored in a global list outlives the call, with all its locals.
import gc
import sys


class Token:
    def __del__(self):
        print('token freed')


frames = []


def capture():
    token = Token()
    try:
        raise LookupError
    except LookupError:
        frames.append(sys.exc_info()[2].tb_frame)
    return 'returned'


print(capture())
print('frame function:', frames[0].f_code.co_name)
print('token still in frame locals:', type(frames[0].f_locals['token']).__name__)
frames.clear()
print('frames cleared; collect finds:', gc.collect())
print('end')
