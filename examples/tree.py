"""A tree whose nodes point back at their parents, and what that costs.

Every parent holds its children in a list and every child holds its parent, so each edge of the tree is a
reference cycle. Reference counting alone can never free such a tree: after `del root` each node is still
referenced by its neighbours. Only the cyclic garbage collector finds them. With a weak reference for the
back-pointer there is no cycle, and `del root` frees the whole tree at once.
"""
import gc
import weakref


class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


class WeakNode:
    """The same tree, but a child does not keep its parent alive."""

    def __init__(self, name, parent=None):
        self.name = name
        self._parent = weakref.ref(parent) if parent is not None else None
        self.children = []
        if parent is not None:
            parent.children.append(self)

    @property
    def parent(self):
        return self._parent() if self._parent is not None else None


def build(node_class, depth, fanout=2):
    root = node_class("root")
    level = [root]
    for _ in range(depth):
        level = [node_class(f"{p.name}.{i}", p) for p in level for i in range(fanout)]
    return root


gc.disable()  # keep automatic collections out of the way, so the counts below are the whole story
gc.collect()

root = build(Node, depth=3)
print("leaf's parent:", root.children[0].children[1].parent.name)
del root
print("unreachable objects found by gc.collect():", gc.collect())

root = build(WeakNode, depth=3)
leaf = root.children[0].children[1]
print("leaf's parent:", leaf.parent.name)
del root
print("unreachable objects found by gc.collect():", gc.collect())
print("leaf's parent after del root:", leaf.parent)
