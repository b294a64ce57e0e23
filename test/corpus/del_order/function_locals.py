# When a function returns, its locals are released in the order the variables were first bound.
class Temp:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('free', self.name)


def work(arg):
    first = Temp('first')
    second = Temp('second')
    third = Temp('third')
    print('returning from work')
    return second


def ignore_result():
    work(Temp('arg'))
    print('result ignored')


kept = work(Temp('argument'))
print('kept:', kept.name)
ignore_result()
print('end')
