# copy.copy and copy.deepcopy on nested data and on objects with __copy__/__deepcopy__ and shared parts.
import copy


class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def __repr__(self):
        return f'Node({self.value}, {self.children})'


shared = Node('shared')
root = Node('root', [shared, shared])
c1 = copy.copy(root)
c2 = copy.deepcopy(root)
print(c1.children is root.children, c2.children is root.children)
print('deepcopy keeps sharing inside:', c2.children[0] is c2.children[1], c2.children[0] is shared)
cyclic = [1]
cyclic.append(cyclic)
dup = copy.deepcopy(cyclic)
print(dup, dup[1] is dup)
data = {'a': [1, 2], 'b': (3, [4])}
deep = copy.deepcopy(data)
deep['b'][1].append(5)
print(data, deep)
print(copy.copy(data) is not data, copy.deepcopy((1, 2)) == (1, 2))
