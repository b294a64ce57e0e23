# Objects held in global containers are freed at shutdown, in each container's own freeing order.
class Item:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('exit frees', self.name)


stack = [Item('list-0'), Item('list-1'), Item('list-2')]
table = {'x': Item('dict-x'), 'y': Item('dict-y')}
pair = (Item('tuple-0'), Item('tuple-1'))
print('end of program body')
