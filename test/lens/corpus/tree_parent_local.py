# lens-corpus: a category tree built inside a function; each node keeps a strong parent back-reference, so the tree is a cycle the collector must free once build_menu returns.


class Category:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent  # expect: missing-weakref
        self.children = []
        if parent is not None:
            parent.children.append(self)  # expect: cycle-candidate

    def path(self):
        parts = []
        node = self
        while node is not None:
            parts.append(node.name)
            node = node.parent
        return " > ".join(reversed(parts))

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


CATALOG = {
    "Electronics": ["Phones", "Laptops", "Cameras"],
    "Home": ["Kitchen", "Garden"],
    "Books": ["Fiction", "History", "Science", "Travel"],
}


def build_menu(catalog):
    root = Category("All")
    for section, leaves in catalog.items():
        node = Category(section, root)
        for leaf in leaves:
            Category(leaf, node)
    lines = []
    for cat in root.walk():
        if not cat.children:
            lines.append(cat.path())
    return lines


def main():
    for line in build_menu(CATALOG):
        print(line)
    print("sections:", len(CATALOG))


main()
