# lens-corpus: library module (definitions only): a menu bar creates its menu entries and gives each one a strong owner reference back to the bar; no instance exists at module level.


class MenuItem:
    def __init__(self, label, shortcut=None):
        self.label = label
        self.shortcut = shortcut
        self.owner = None
        self.enabled = True

    def trigger(self):
        if not self.enabled:
            return None
        return self.owner.dispatch(self.label)


class MenuBar:
    def __init__(self, app_name):
        self.app_name = app_name
        self.items = {}
        self.history = []

    def add_item(self, label, shortcut=None):
        item = MenuItem(label, shortcut)
        self.items[label] = item
        item.owner = self  # expect: cycle-candidate, missing-weakref
        return item

    def dispatch(self, label):
        self.history.append(label)
        return f"{self.app_name}: {label}"

    def disable(self, label):
        self.items[label].enabled = False

    def shortcuts(self):
        return {item.shortcut: label for label, item in self.items.items() if item.shortcut}


STANDARD_ITEMS = (("Open", "Ctrl+O"), ("Save", "Ctrl+S"), ("Quit", "Ctrl+Q"))


def standard_menu(app_name):
    bar = MenuBar(app_name)
    for label, shortcut in STANDARD_ITEMS:
        bar.add_item(label, shortcut)
    return bar
