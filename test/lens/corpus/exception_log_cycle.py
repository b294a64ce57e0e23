# lens-corpus: an importer stores the exceptions it catches; each exception's traceback holds the frame whose locals hold the importer, so the importer and its records become a cycle.


class ImportErrorRecord(Exception):
    pass


class CsvImporter:
    def __init__(self, columns):
        self.columns = columns
        self.rows = []
        self.errors = []

    def parse_line(self, number, line):
        fields = [f.strip() for f in line.split(",")]
        if len(fields) != len(self.columns):
            raise ImportErrorRecord(f"line {number}: expected {len(self.columns)} fields, got {len(fields)}")
        row = dict(zip(self.columns, fields))
        row["qty"] = int(row["qty"])
        return row

    def feed(self, text):
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                self.rows.append(self.parse_line(number, line))
            except (ImportErrorRecord, ValueError) as e:
                self.errors.append(e)  # expect: cycle-candidate


def import_orders(text):
    importer = CsvImporter(["sku", "name", "qty"])
    importer.feed(text)
    total = sum(row["qty"] for row in importer.rows)
    messages = [str(e) for e in importer.errors]
    return len(importer.rows), total, messages


DATA = """
A-100, widget, 4
A-101, gadget, two
A-102, gizmo, 7, extra
A-103, doohickey, 12
A-104, sprocket
"""

count, total, messages = import_orders(DATA)
print("imported", count, "rows, total quantity", total)
for message in messages:
    print("error:", message)
