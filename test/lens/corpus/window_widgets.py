# lens-corpus: each dialog window owns its widgets and every widget points back to its window; dialogs opened and closed in a loop leave one cyclic widget tree behind per dialog.


class Widget:
    def __init__(self, kind, label):
        self.kind = kind
        self.label = label
        self.window = None

    def describe(self):
        return f"{self.window.title}/{self.kind}:{self.label}"


class Window:
    def __init__(self, title):
        self.title = title
        self.widgets = []
        self.visible = False

    def add(self, widget):
        self.widgets.append(widget)
        widget.window = self  # expect: cycle-candidate, missing-weakref
        return widget

    def show(self):
        self.visible = True
        return [w.describe() for w in self.widgets]


def confirm(question, choices):
    win = Window("Confirm")
    win.add(Widget("label", question))
    for choice in choices:
        win.add(Widget("button", choice))
    shown = win.show()
    answer = choices[len(question) % len(choices)]
    return shown, answer


questions = [
    ("Save changes?", ["Yes", "No", "Cancel"]),
    ("Overwrite file?", ["Overwrite", "Keep both"]),
    ("Quit now?", ["Quit", "Stay"]),
]
for question, choices in questions:
    shown, answer = confirm(question, choices)
    print(" | ".join(shown))
    print("  answered:", answer)
