# An object's __del__ runs before its attributes are released; children are freed after the parent.
class Node:
    def __init__(self, name, *children):
        self.name = name
        self.children = list(children)

    def __del__(self):
        print('free', self.name, 'with', len(self.children), 'children')


tree = Node('root', Node('left', Node('leaf1')), Node('right', Node('leaf2'), Node('leaf3')))
print('dropping the tree')
tree = None
print('dropping a subtree only')
tree = Node('root2', Node('a'), Node('b'))
tree.children.pop(0)
print('end')
