# lens-corpus: a custom in-memory log handler attached for the whole program keeps every record it is given; a long-running job logs one record per item and the handler never drops any.


class LogRecord:
    def __init__(self, level, message, item):
        self.level = level
        self.message = message
        self.item = item


class MemoryHandler:
    def __init__(self):
        self.records = []

    def emit(self, record):
        self.records.append(record)  # expect: long-lived-allocation

    def count(self, level):
        return sum(1 for r in self.records if r.level == level)


class Logger:
    def __init__(self, name, handler):
        self.name = name
        self.handler = handler

    def log(self, level, message, item=None):
        self.handler.emit(LogRecord(level, f"{self.name}: {message}", item))


handler = MemoryHandler()
log = Logger("etl", handler)


def transform(item):
    if item % 11 == 0:
        log.log("WARNING", f"item {item} looks odd", item)
        return None
    log.log("DEBUG", f"item {item} ok", item)
    return item * 3


results = []
for item in range(1, 301):
    value = transform(item)
    if value is not None:
        results.append(value)

print("processed:", len(results), "sum:", sum(results))
print("warnings:", handler.count("WARNING"), "debug:", handler.count("DEBUG"))
print("first warning:", handler.records[10].message)
