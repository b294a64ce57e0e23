# lens-corpus: clean: a decorator registers exporter classes (not instances) in a module-level dict; classes live as long as the module anyway, and instances are made per use and freed.

EXPORTERS = {}


def exporter(fmt):
    def register(cls):
        EXPORTERS[fmt] = cls
        cls.format = fmt
        return cls
    return register


@exporter("csv")
class CsvExporter:
    def export(self, rows):
        return "\n".join(",".join(str(v) for v in row) for row in rows)


@exporter("md")
class MarkdownExporter:
    def export(self, rows):
        header, *body = rows
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(str(v) for v in row) + " |" for row in body]
        return "\n".join(lines)


@exporter("tsv")
class TsvExporter(CsvExporter):
    def export(self, rows):
        return super().export(rows).replace(",", "\t")


def export(rows, fmt):
    try:
        cls = EXPORTERS[fmt]
    except KeyError:
        return f"unknown format {fmt!r}; choose from {', '.join(sorted(EXPORTERS))}"
    return cls().export(rows)


TABLE = [("name", "qty"), ("apple", 3), ("pear", 5)]
for fmt in ("csv", "md", "tsv", "xml"):
    print(f"--- {fmt}")
    print(export(TABLE, fmt))
