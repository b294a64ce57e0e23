# Two dicts referring to each other, plus a list that shares one of them, freed in stages.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('node', self.name, 'freed')


parent = {'name': Node('parent'), 'children': []}
child = {'name': Node('child'), 'parent': parent}
parent['children'].append(child)
outside = [child]
del parent, child
print('dropping the cycle names: nothing freed')
print('collect with outside alive:', gc.collect())
print('child parent name:', outside[0]['parent']['name'].name)
del outside
print('outside dropped: nothing freed')
print('collect found:', gc.collect())
