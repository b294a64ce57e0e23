# An uncaught exception ends the program with exit code 1; global objects are still finalized afterwards.
class Handle:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('finalized after the traceback:', self.name)


def fail(h):
    local = Handle('local-in-failed-frame')
    raise RuntimeError('stopping here')


keeper = Handle('global')
print('about to fail')
fail(keeper)
print('never printed')
