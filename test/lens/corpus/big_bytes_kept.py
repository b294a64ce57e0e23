# lens-corpus: a 256 KB payload is built and checksummed at the start of a function, but the variable keeps it alive through all the slow processing that follows.


def make_payload(size):
    block = bytes((i * 31 + 7) % 256 for i in range(256))
    return block * (size // 256)


def checksum(data):
    total = 0
    for offset in range(0, len(data), 4096):
        total = (total * 31 + sum(data[offset:offset + 4096])) % 1000003
    return total


def process_upload(name):
    payload = make_payload(256 * 1024)  # expect: long-lived-allocation
    digest = checksum(payload)
    size = len(payload)
    print(f"{name}: {size} bytes, checksum {digest}")

    # Post-processing only needs the digest and the size; `payload` is still referenced.
    manifest = {"name": name, "size": size, "checksum": digest}
    parts = []
    for index in range(size // 65536):
        parts.append({"index": index, "offset": index * 65536})
    manifest["parts"] = parts
    summary = []
    for key in sorted(manifest):
        value = manifest[key]
        if isinstance(value, list):
            summary.append(f"{key}: {len(value)} entries")
        else:
            summary.append(f"{key}: {value}")
    retries = 0
    for attempt in range(50):
        if (digest + attempt) % 13 == 0:
            retries += 1
    summary.append(f"simulated retries: {retries}")
    return summary


for line in process_upload("backup.tar"):
    print(line)
