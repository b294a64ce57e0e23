// Programs several test files use.

/** A parent/child tree dropped without gc.collect(): the lens reports cycle-candidate on line 6 (the append that
 *  closes the cycle) and missing-weakref on line 3 (the back-reference), with a weakref.proxy fix. */
export const PARENT_CHILD_CYCLE = `class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)

def build():
    root = Node()
    Node(root)

build()
print("done")
`;
