# lens-corpus: a configuration tree kept by a module-level variable until exit: the parent back-reference closes a cycle (a weakref is meant) but nothing is leaked during the run.


class ConfigNode:
    def __init__(self, key, value=None, parent=None):
        self.key = key
        self.value = value
        self.parent = parent  # expect: missing-weakref
        self.children = {}

    def child(self, key, value=None):
        node = ConfigNode(key, value, self)
        self.children[key] = node
        return node

    def full_key(self):
        if self.parent is None:
            return self.key
        return self.parent.full_key() + "." + self.key

    def lookup(self, dotted):
        node = self
        for part in dotted.split("."):
            node = node.children[part]
        return node.value


def load(text):
    root = ConfigNode("app")
    for raw in text.strip().splitlines():
        dotted, _, value = raw.partition("=")
        node = root
        parts = dotted.strip().split(".")
        for part in parts[:-1]:
            node = node.children.get(part) or node.child(part)
        node.child(parts[-1], value.strip())
    return root


SETTINGS = load("""
server.host = localhost
server.port = 8080
db.url = sqlite:///app.db
db.pool.size = 5
db.pool.timeout = 30
log.level = info
""")

for key in ["server.port", "db.pool.size", "log.level"]:
    print(key, "=", SETTINGS.lookup(key))

leaf = SETTINGS.children["db"].children["pool"].children["timeout"]
print("full key:", leaf.full_key())
print("top-level sections:", sorted(SETTINGS.children))
