# lens-corpus: an event stream consumer remembers every event id it has seen in a module-level set to drop duplicates; the set grows by one id per event for as long as the stream runs.

_seen_ids = set()


def make_event(n):
    # Every tenth event is redelivered by the broker.
    event_id = n - 1 if n % 10 == 0 else n
    kind = ("click", "view", "purchase")[event_id % 3]
    return {"id": f"evt-{event_id:05d}", "kind": kind, "value": event_id % 17}


def accept(event):
    if event["id"] in _seen_ids:
        return False
    _seen_ids.add(event["id"])  # expect: long-lived-allocation
    return True


def consume(count):
    totals = {"click": 0, "view": 0, "purchase": 0}
    duplicates = 0
    for n in range(1, count + 1):
        event = make_event(n)
        if not accept(event):
            duplicates += 1
            continue
        totals[event["kind"]] += event["value"]
    return totals, duplicates


totals, duplicates = consume(400)
print("totals:", totals)
print("duplicates dropped:", duplicates)
print("ids remembered:", len(_seen_ids))
