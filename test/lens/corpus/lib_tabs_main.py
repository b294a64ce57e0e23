# lens-corpus: library module with a demo under `if __name__ == "__main__":` (run as __main__, so the demo executes): tabs keep a strong owner reference to their tab bar, which lives in a global until exit.


class Tab:
    def __init__(self, title):
        self.title = title
        self.owner = None
        self.closed = False

    def close(self):
        self.closed = True
        self.owner.forget(self)


class TabBar:
    def __init__(self):
        self.tabs = []
        self.active = None

    def open(self, title):
        tab = Tab(title)
        tab.owner = self  # expect: missing-weakref
        self.tabs.append(tab)
        self.active = tab
        return tab

    def forget(self, tab):
        self.tabs.remove(tab)
        if self.active is tab:
            self.active = self.tabs[-1] if self.tabs else None

    def titles(self):
        return [t.title + ("*" if t is self.active else "") for t in self.tabs]


if __name__ == "__main__":
    bar = TabBar()
    for title in ("README.md", "main.py", "setup.cfg"):
        bar.open(title)
    print(bar.titles())
    bar.tabs[1].close()
    print(bar.titles())
    bar.open("tests.py")
    print(bar.titles())
