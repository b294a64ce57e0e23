# lens-corpus: clean: a lazy generator pipeline (read, parse, filter, aggregate) over a text file held as a string; only one record is alive at a time.

CSV = """date,city,temp
2024-01-01,Oslo,-3.5
2024-01-01,Rome,11.0
2024-01-02,Oslo,-6.0
2024-01-02,Rome,12.5
2024-01-03,Oslo,bad
2024-01-03,Rome,9.5
2024-01-04,Oslo,-1.0
"""


def read_lines(text):
    for line in text.splitlines():
        if line:
            yield line


def parse(lines):
    header = next(lines).split(",")
    for line in lines:
        yield dict(zip(header, line.split(",")))


def valid(records):
    for record in records:
        try:
            record["temp"] = float(record["temp"])
        except ValueError:
            continue
        yield record


def running_mean(records, key):
    sums = {}
    counts = {}
    for record in records:
        k = record[key]
        sums[k] = sums.get(k, 0.0) + record["temp"]
        counts[k] = counts.get(k, 0) + 1
        yield k, round(sums[k] / counts[k], 2)


for city, mean in running_mean(valid(parse(read_lines(CSV))), "city"):
    print(f"{city:5s} running mean {mean}")
coldest = min(valid(parse(read_lines(CSV))), key=lambda r: r["temp"])
print("coldest:", coldest["date"], coldest["city"], coldest["temp"])
