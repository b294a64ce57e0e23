# lens-corpus: an HTML-like element tree held by a global, rendered, then deleted with `del` while the program goes on: the parent links keep the whole tree for the collector.


class Element:
    def __init__(self, tag, text=""):
        self.tag = tag
        self.text = text
        self.children = []
        self.parent = None

    def append(self, child):
        self.children.append(child)
        child.parent = self  # expect: cycle-candidate, missing-weakref
        return child

    def depth(self):
        d = 0
        node = self.parent
        while node is not None:
            d += 1
            node = node.parent
        return d

    def render(self, out):
        pad = "  " * self.depth()
        if self.children:
            out.append(f"{pad}<{self.tag}>")
            for child in self.children:
                child.render(out)
            out.append(f"{pad}</{self.tag}>")
        else:
            out.append(f"{pad}<{self.tag}>{self.text}</{self.tag}>")


def page(title, items):
    html = Element("html")
    body = html.append(Element("body"))
    body.append(Element("h1", title))
    ul = body.append(Element("ul"))
    for item in items:
        ul.append(Element("li", item))
    return html


doc = page("Groceries", ["milk", "eggs", "bread", "apples"])
lines = []
doc.render(lines)
print("\n".join(lines))
del doc

# The rest of the script does unrelated work; the element tree is unreachable but not yet freed.
totals = {}
for word in "the quick brown fox jumps over the lazy dog the end".split():
    totals[word] = totals.get(word, 0) + 1
for word in sorted(totals):
    print(word, totals[word])
