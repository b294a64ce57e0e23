# lens-corpus: library module (definitions only): an outline whose sections point back to the document that owns them; nothing is instantiated here, so only exploratory calls can see the back-reference.


class Section:
    def __init__(self, heading, level):
        self.heading = heading
        self.level = level
        self.owner = None
        self.paragraphs = []

    def add_paragraph(self, text):
        self.paragraphs.append(text.strip())
        return len(self.paragraphs)

    def word_count(self):
        return sum(len(p.split()) for p in self.paragraphs)


class Document:
    def __init__(self, title):
        self.title = title
        self.sections = []

    def add_section(self, heading, level=1):
        section = Section(heading, level)
        section.owner = self  # expect: missing-weakref
        self.sections.append(section)  # expect: cycle-candidate
        return section

    def outline(self):
        lines = [self.title]
        for section in self.sections:
            lines.append("  " * section.level + section.heading)
        return "\n".join(lines)

    def word_count(self):
        return sum(s.word_count() for s in self.sections)


def to_markdown(document):
    out = ["# " + document.title]
    for section in document.sections:
        out.append("#" * (section.level + 1) + " " + section.heading)
        out.extend(section.paragraphs)
    return "\n\n".join(out)
