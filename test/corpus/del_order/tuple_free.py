# A tuple frees its items from last to first, like a list.
class Part:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('free', self.name)


def make():
    return (Part('head'), Part('body'), Part('tail'))


t = make()
print('drop the tuple')
del t
print('unpack, then drop names in order')
a, b, c = make()
del a
del c
del b
print('temporary tuple in an expression')
print(len(make()))
print('end')
