# lens-corpus: clean: resources handled by context managers (a class with __enter__/__exit__ and a contextlib.contextmanager); everything is released when each with-block ends.
from contextlib import contextmanager


class Transaction:
    def __init__(self, ledger):
        self.ledger = ledger
        self.pending = []

    def __enter__(self):
        return self

    def add(self, account, amount):
        self.pending.append((account, amount))

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None and sum(a for _, a in self.pending) == 0:
            for account, amount in self.pending:
                self.ledger[account] = self.ledger.get(account, 0) + amount
            print("committed", len(self.pending), "entries")
        else:
            print("rolled back", len(self.pending), "entries")
        self.pending.clear()
        return exc_type is ValueError


@contextmanager
def indented(out, prefix="  "):
    lines = []
    yield lines
    out.extend(prefix + line for line in lines)


ledger = {}
with Transaction(ledger) as tx:
    tx.add("cash", -50)
    tx.add("food", 50)
with Transaction(ledger) as tx:
    tx.add("cash", -20)
    tx.add("fun", 25)
with Transaction(ledger) as tx:
    tx.add("cash", -5)
    raise ValueError("card declined")

report = ["ledger:"]
with indented(report) as block:
    for account in sorted(ledger):
        block.append(f"{account}: {ledger[account]}")
print("\n".join(report))
