# lens-corpus: temporary directories with a __del__ cleanup hook sit in a parent/child cycle with their files, so the cleanup waits for the cyclic collector instead of happening when the batch ends.

_live_dirs = set()


class TempDir:
    def __init__(self, name):
        self.name = name
        self.files = []
        _live_dirs.add(name)

    def create(self, filename, size):
        f = TempFile(filename, size, self)
        self.files.append(f)  # expect: cycle-candidate
        return f

    def __del__(self):
        # Best-effort cleanup when the directory object goes away.
        _live_dirs.discard(self.name)


class TempFile:
    def __init__(self, filename, size, directory):
        self.filename = filename
        self.size = size
        self.directory = directory  # expect: missing-weakref

    def path(self):
        return self.directory.name + "/" + self.filename


def convert_batch(batch_id, sources):
    workdir = TempDir(f"/tmp/batch{batch_id}")
    total = 0
    for src, size in sources:
        tmp = workdir.create(src + ".out", size * 2)
        total += tmp.size
    print(f"batch {batch_id}: wrote {len(workdir.files)} files, {total} bytes")
    return total


grand = 0
for batch_id, sources in enumerate([[("a.png", 10), ("b.png", 20)], [("c.wav", 300)]]):
    grand += convert_batch(batch_id, sources)
print("all batches done:", grand, "bytes")
