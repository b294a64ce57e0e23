# lens-corpus: each download job stores a lambda that captures self on self; jobs are created and dropped one by one, and every one of them is left as a self-cycle for the collector.


class Download:
    def __init__(self, url, size):
        self.url = url
        self.size = size
        self.received = 0
        self.on_done = lambda: self.report()  # expect: cycle-candidate, missing-weakref

    def feed(self, chunk):
        self.received += chunk
        if self.received >= self.size:
            self.on_done()
            return True
        return False

    def report(self):
        print(f"done: {self.url} ({self.size} bytes)")


def fetch_all(urls, chunk=512):
    finished = 0
    for url, size in urls:
        job = Download(url, size)
        while not job.feed(chunk):
            pass
        finished += 1
    return finished


files = [
    ("https://example.org/a.txt", 1200),
    ("https://example.org/b.bin", 4096),
    ("https://example.org/c.csv", 300),
    ("https://example.org/d.json", 2048),
]
print("finished", fetch_all(files), "downloads")
