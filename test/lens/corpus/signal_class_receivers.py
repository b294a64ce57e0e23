# lens-corpus: a class-level list of receivers on a Signal class keeps the bound methods of every handler object connected to it, long after the code that created them is done.


class Signal:
    receivers = []

    @classmethod
    def connect(cls, receiver):
        cls.receivers.append(receiver)  # expect: missing-weakref

    @classmethod
    def send(cls, sender, **kwargs):
        return [receiver(sender, **kwargs) for receiver in cls.receivers]


class AuditTrail:
    def __init__(self, tag):
        self.tag = tag
        self.entries = []

    def on_saved(self, sender, **kwargs):
        self.entries.append((sender, kwargs.get("id")))
        return f"{self.tag}: {sender} #{kwargs.get('id')}"


class SearchIndexer:
    def __init__(self):
        self.indexed = set()

    def on_saved(self, sender, **kwargs):
        self.indexed.add(kwargs.get("id"))
        return f"index {kwargs.get('id')}"


def setup_request_handlers(request_id):
    audit = AuditTrail(f"req{request_id}")
    Signal.connect(audit.on_saved)
    return len(audit.entries)


setup_request_handlers(1)
setup_request_handlers(2)
indexer = SearchIndexer()
Signal.connect(indexer.on_saved)

for article_id in (10, 11):
    for reply in Signal.send("Article", id=article_id):
        print(reply)
print("receivers:", len(Signal.receivers))
