# lens-corpus: clean: plain data processing of order records with Counter and defaultdict; every intermediate is local and freed when its function returns.
from collections import Counter, defaultdict

ORDERS = [
    {"id": 1, "customer": "acme", "items": [("bolt", 100, 2), ("nut", 250, 1)]},
    {"id": 2, "customer": "globex", "items": [("gear", 40, 12)]},
    {"id": 3, "customer": "acme", "items": [("bolt", 50, 2), ("spring", 10, 30)]},
    {"id": 4, "customer": "initech", "items": []},
    {"id": 5, "customer": "globex", "items": [("nut", 500, 1), ("bolt", 20, 2)]},
]


def order_value(order):
    return sum(qty * unit_cents for _, qty, unit_cents in order["items"])


def by_customer(orders):
    totals = defaultdict(int)
    for order in orders:
        totals[order["customer"]] += order_value(order)
    return dict(totals)


def popular_parts(orders, n=3):
    counter = Counter()
    for order in orders:
        for part, qty, _ in order["items"]:
            counter[part] += qty
    return counter.most_common(n)


def empty_orders(orders):
    return [o["id"] for o in orders if not o["items"]]


totals = by_customer(ORDERS)
for customer in sorted(totals, key=totals.get, reverse=True):
    print(f"{customer:8s} {totals[customer] / 100:8.2f}")
print("popular:", popular_parts(ORDERS))
print("empty orders:", empty_orders(ORDERS))
average = sum(totals.values()) / len(ORDERS)
print(f"average order: {average / 100:.2f}")
