# lens-corpus: clean: frozen dataclasses as value objects for money and invoice lines; no cycles, nothing kept beyond its use.
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Money:
    cents: int
    currency: str = "EUR"

    def __add__(self, other):
        if other.currency != self.currency:
            raise ValueError("currency mismatch")
        return Money(self.cents + other.cents, self.currency)

    def __str__(self):
        return f"{self.cents // 100}.{self.cents % 100:02d} {self.currency}"


@dataclass(frozen=True)
class Line:
    sku: str
    unit: Money
    quantity: int = 1
    tags: tuple = field(default=())

    @property
    def total(self):
        return Money(self.unit.cents * self.quantity, self.unit.currency)


def invoice_total(lines):
    total = Money(0)
    for line in lines:
        total = total + line.total
    return total


lines = [
    Line("book", Money(1999), 2, ("media",)),
    Line("lamp", Money(4550)),
    Line("pen", Money(120), 10, ("office", "small")),
]
print("total:", invoice_total(lines))
discounted = [replace(l, unit=Money(l.unit.cents * 9 // 10)) for l in lines]
print("after 10% off:", invoice_total(discounted))
print(lines[0])
print("same value:", Money(5) == Money(5), "hashable:", len({Money(5), Money(5), Money(6)}))
try:
    invoice_total([Line("gift", Money(1000, "USD"))])
except ValueError as exc:
    print("error:", exc)
