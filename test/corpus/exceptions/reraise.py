# A bare `raise` re-raises the exception being handled, keeping its original traceback.
import traceback


def risky():
    return [1, 2, 3][10]


def wrapper():
    try:
        risky()
    except IndexError:
        print('logging and re-raising')
        raise


try:
    wrapper()
except IndexError as e:
    frames = traceback.extract_tb(e.__traceback__)
    print('frames:', [f.name for f in frames])
    print('last line:', frames[-1].line)
    print('message:', e)
try:
    raise
except RuntimeError as e:
    print('bare raise with nothing active:', e)
