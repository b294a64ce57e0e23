# lens-corpus: a traffic report builds the full list of packet sizes only to loop over it once; a generator expression would keep just one size alive at a time.

MTU = 1500


def histogram(count, bucket=250):
    sizes = [(n * 7919) % MTU + 40 for n in range(count)]  # expect: materialized-once
    bins = {}
    largest = 0
    total = 0
    for size in sizes:
        b = size // bucket * bucket
        bins[b] = bins.get(b, 0) + 1
        total += size
        if size > largest:
            largest = size
    return bins, total, largest


def bar(n, scale):
    return "#" * (n // scale)


bins, total, largest = histogram(12000)
print("packets:", sum(bins.values()))
print("bytes:", total, "largest:", largest)
for start in sorted(bins):
    count = bins[start]
    print(f"{start:5d}-{start + 249:5d} {count:5d} {bar(count, 100)}")
print("mean size:", round(total / sum(bins.values()), 1))
