# A tree of lists (no cycle) with a cycle hanging off a leaf: del frees the tree, the cycle waits for gc.
import gc


class Piece:
    def __init__(self, name):
        self.name = name
        self.link = None

    def __del__(self):
        print('free', self.name)


loop_a, loop_b = Piece('loop-a'), Piece('loop-b')
loop_a.link, loop_b.link = loop_b, loop_a
tree = [Piece('root'), [Piece('leaf-1'), [Piece('leaf-2'), loop_a]]]
del loop_a, loop_b
print('del tree:')
del tree
print('collect:')
print('found', gc.collect())
