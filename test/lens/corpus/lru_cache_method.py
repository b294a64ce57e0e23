# lens-corpus: functools.lru_cache on a method caches on (self, args): every price calculator ever created stays alive in the class-wide cache.
import functools


class PriceCalculator:
    def __init__(self, region, tax_rate, discounts):
        self.region = region
        self.tax_rate = tax_rate
        self.discounts = discounts

    @functools.lru_cache(maxsize=None)  # expect: long-lived-allocation
    def price(self, base_cents, quantity):
        subtotal = base_cents * quantity
        for threshold, percent in self.discounts:
            if quantity >= threshold:
                subtotal = subtotal * (100 - percent) // 100
                break
        return subtotal + subtotal * self.tax_rate // 100


def quote(order, region):
    rates = {"eu": 20, "us": 8, "uk": 20}
    calc = PriceCalculator(region, rates[region], [(100, 15), (10, 5)])
    lines = []
    for sku, base, qty in order:
        lines.append((sku, calc.price(base, qty)))
    return lines


ORDER = [("pen", 150, 12), ("pad", 420, 3), ("ink", 990, 120), ("pen", 150, 12)]
for day in range(5):
    for region in ("eu", "us", "uk"):
        lines = quote(ORDER, region)
        if day == 0:
            total = sum(cents for _, cents in lines)
            print(region, lines, f"total {total / 100:.2f}")

info = PriceCalculator.price.cache_info()
print("cache hits", info.hits, "misses", info.misses, "size", info.currsize)
