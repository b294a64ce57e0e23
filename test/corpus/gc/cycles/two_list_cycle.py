# Two lists pointing at each other form a 2-cycle; gc.collect() reports both as unreachable.
import gc


class Tag:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('tag', self.name, 'freed')


left = [Tag('left')]
right = [Tag('right')]
left.append(right)
right.append(left)
print('left[1] is right:', left[1] is right, 'right[1] is left:', right[1] is left)
del left
print('left still reachable from right:', len(right[1]))
del right
print('both names gone, nothing freed yet')
print('collect found:', gc.collect())
a, b = [], []
a.append(b)
b.append(a)
del a, b
print('plain list pair, collect found:', gc.collect())
