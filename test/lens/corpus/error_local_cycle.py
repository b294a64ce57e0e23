# lens-corpus: a caught exception saved in a local (`error = exc`) refers, through its traceback, to the very frame that holds it: a frame/exception cycle at every failed parse.


def parse_duration(text):
    units = {"s": 1, "m": 60, "h": 3600}
    error = None
    seconds = 0
    try:
        number, unit = text[:-1], text[-1]
        seconds = int(number) * units[unit]
    except (ValueError, KeyError) as exc:
        error = exc  # expect: cycle-candidate
    if error is not None:
        return None, f"{text!r}: {type(error).__name__}"
    return seconds, None


def total_time(entries):
    total = 0
    problems = []
    for entry in entries:
        seconds, problem = parse_duration(entry)
        if problem:
            problems.append(problem)
        else:
            total += seconds
    return total, problems


log = ["15m", "2h", "30s", "abc", "10x", "45m", "1h", "m"]
total, problems = total_time(log)
hours, rest = divmod(total, 3600)
minutes, seconds = divmod(rest, 60)
print(f"total {hours}h {minutes}m {seconds}s")
for p in problems:
    print("skipped", p)
