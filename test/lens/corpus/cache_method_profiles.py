# lens-corpus: functools.cache on a method of short-lived report objects: the unbounded cache keeps every report (and its rows) alive for the rest of the program.
from functools import cache


class SalesReport:
    def __init__(self, month, rows):
        self.month = month
        self.rows = rows

    @cache  # expect: long-lived-allocation
    def total_for(self, region):
        return sum(amount for r, amount in self.rows if r == region)

    def summary(self, regions):
        return {region: self.total_for(region) for region in regions}


def month_rows(month):
    rows = []
    for i in range(30):
        region = ("north", "south", "east", "west")[(i * 3 + month) % 4]
        rows.append((region, (i * 37 + month * 11) % 500))
    return rows


REGIONS = ("north", "south", "east", "west")
best = {}
for month in range(1, 13):
    report = SalesReport(month, month_rows(month))
    totals = report.summary(REGIONS)
    again = report.summary(REGIONS)
    assert totals == again
    top = max(REGIONS, key=lambda r: totals[r])
    best[top] = best.get(top, 0) + 1
    if month % 4 == 0:
        print(f"month {month:2d}:", totals)

print("best region counts:", dict(sorted(best.items())))
print("cached entries:", SalesReport.total_for.cache_info().currsize)
