# lens-corpus: fourteen thousand sensor readings are loaded into a list, summarised in two passes, and then kept by a local variable through a long report phase that never touches them again.
import math


def load_readings(count):
    readings = [math.sin(i / 50.0) * 10 + (i % 7) for i in range(count)]
    return readings


def describe(values):
    mean = sum(values) / len(values)
    variance = sum((v - mean) ** 2 for v in values) / len(values)
    return mean, math.sqrt(variance)


def main():
    readings = load_readings(14000)  # expect: long-lived-allocation
    mean, stdev = describe(readings)
    print(f"mean {mean:.3f} stdev {stdev:.3f}")

    # Report phase: long, and it only uses the two summary numbers.
    bands = []
    for k in range(-3, 4):
        low = mean + k * stdev
        high = low + stdev
        label = "normal" if -1 <= k < 1 else "unusual"
        bands.append((k, round(low, 2), round(high, 2), label))
    lines = []
    for k, low, high, label in bands:
        lines.append(f"band {k:+d}: {low:8.2f} .. {high:8.2f}  {label}")
    header = "=" * 40
    print(header)
    for line in lines:
        print(line)
    print(header)
    checks = 0
    for step in range(200):
        threshold = mean + (step % 9 - 4) * stdev / 2
        if threshold > mean:
            checks += 1
    print("thresholds above mean:", checks)


main()
