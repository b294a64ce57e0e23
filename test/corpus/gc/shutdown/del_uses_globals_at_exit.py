# A __del__ running at shutdown still finds the module globals intact: finalizers run before the dict is cleared.
counter = {'closed': 0}


class Conn:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        if counter is None:
            print(self.name, 'found the counter global already None')
        else:
            counter['closed'] += 1
            print(self.name, 'closed, counter now', counter['closed'])


early = Conn('early')
del early
late = Conn('late')
print('end of program body')
