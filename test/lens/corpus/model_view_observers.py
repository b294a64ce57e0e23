# lens-corpus: views hold their model and the model keeps a strong list of its observing views; a document opened in a function leaves model and views as a cycle when it is closed.


class Model:
    def __init__(self, data):
        self.data = dict(data)
        self.observers = []

    def attach(self, view):
        self.observers.append(view)  # expect: cycle-candidate, missing-weakref

    def set(self, key, value):
        self.data[key] = value
        for view in self.observers:
            view.refresh(key)


class View:
    def __init__(self, name, model):
        self.name = name
        self.model = model
        self.renders = 0
        model.attach(self)

    def refresh(self, key):
        self.renders += 1
        print(f"  {self.name} redraws {key}={self.model.data[key]}")


def edit_document(title, edits):
    print("open", title)
    model = Model({"title": title, "words": 0})
    views = [View("outline", model), View("preview", model)]
    for key, value in edits:
        model.set(key, value)
    return sum(v.renders for v in views)


renders = edit_document("notes.md", [("words", 120), ("words", 180)])
renders += edit_document("todo.md", [("title", "TODO"), ("words", 12)])
print("total renders:", renders)
