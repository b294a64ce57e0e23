# lens-corpus: clean: loading, transforming and dumping JSON documents; each document is parsed, summarised and released before the next one.
import json

DOCUMENTS = [
    '{"user": "ada", "roles": ["admin", "dev"], "active": true, "logins": [3, 5, 8]}',
    '{"user": "bob", "roles": [], "active": false, "logins": []}',
    '{"user": "cy", "roles": ["dev"], "active": true, "logins": [1, 1, 2, 3]}',
]


def summarise(doc):
    logins = doc["logins"]
    return {
        "user": doc["user"].upper(),
        "admin": "admin" in doc["roles"],
        "logins": sum(logins),
        "best_day": max(logins) if logins else None,
    }


def merge(summaries):
    merged = {"users": [], "total_logins": 0}
    for s in summaries:
        merged["users"].append(s["user"])
        merged["total_logins"] += s["logins"]
    return merged


summaries = []
for text in DOCUMENTS:
    doc = json.loads(text)
    if not doc["active"]:
        print("skip inactive", doc["user"])
        continue
    summary = summarise(doc)
    print(json.dumps(summary, sort_keys=True))
    summaries.append(summary)

print(json.dumps(merge(summaries), indent=2, sort_keys=True))
roundtrip = json.loads(json.dumps(summaries))
print("round trip equal:", roundtrip == summaries)
