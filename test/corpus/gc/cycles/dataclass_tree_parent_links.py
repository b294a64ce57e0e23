# A tree whose children point back at their parent: every parent-child link is a 2-cycle.
import gc
from dataclasses import dataclass, field


@dataclass(eq=False)
class TreeNode:
    name: str
    parent: 'TreeNode' = None
    children: list = field(default_factory=list)

    def add(self, name):
        child = TreeNode(name, self)
        self.children.append(child)
        return child


gc.collect()  # leftovers of building the dataclass
root = TreeNode('root')
a = root.add('a')
a.add('a1')
a.add('a2')
root.add('b')
del a
print('path of a2:', root.children[0].children[1].parent.parent.name)
print('tree nodes before del:', sum(1 for o in gc.get_objects() if isinstance(o, TreeNode)))
del root
print('after del root, collect found:', gc.collect())
print('tree nodes left:', sum(1 for o in gc.get_objects() if isinstance(o, TreeNode)))
