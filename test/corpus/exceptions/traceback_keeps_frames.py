# A saved exception keeps every frame of its traceback alive, with their local variables.
class Big:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print('free', self.tag)


def level2():
    data = Big('level2 data')
    raise ValueError('deep failure')


def level1():
    data = Big('level1 data')
    level2()


errors = []
try:
    level1()
except ValueError as e:
    errors.append(e)
print('handler done; frames kept by the saved exception')
tb = errors[0].__traceback__
names = []
while tb:
    names.append(tb.tb_frame.f_code.co_name)
    tb = tb.tb_next
print('traceback frames:', names)
print('clearing errors')
errors.clear()
print('end')
