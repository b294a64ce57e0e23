# lens-corpus: clean: a file-system tree whose nodes refer to their parent through weakref.ref, so the tree is freed by reference counting as soon as the function that built it returns.
import weakref


class Dir:
    def __init__(self, name, parent=None):
        self.name = name
        self._parent = weakref.ref(parent) if parent is not None else None
        self.entries = {}
        self.size = 0

    @property
    def parent(self):
        return self._parent() if self._parent is not None else None

    def mkdir(self, name):
        child = Dir(name, self)
        self.entries[name] = child
        return child

    def add_file(self, name, size):
        self.entries[name] = size
        node = self
        while node is not None:
            node.size += size
            node = node.parent

    def path(self):
        parent = self.parent
        return (parent.path() + "/" if parent is not None else "") + self.name


def disk_usage(files):
    root = Dir("")
    for path, size in files:
        *dirs, filename = path.split("/")
        node = root
        for d in dirs:
            node = node.entries.get(d) or node.mkdir(d)
        node.add_file(filename, size)
    src = root.entries["src"]
    return root.size, src.size, src.entries["lens"].path()


total, src_size, lens_path = disk_usage([
    ("src/lens/cycles.py", 1200),
    ("src/lens/replay.py", 800),
    ("src/main.py", 300),
    ("docs/index.md", 4000),
    ("README.md", 650),
])
print("total", total, "src", src_size, "path", lens_path)
