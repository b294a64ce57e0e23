# lens-corpus: an HTTP-like client remembers its last exception on self; the exception's traceback holds the failing method's frame, which holds the client: client and error form a cycle.


class TransientError(Exception):
    pass


class FakeTransport:
    def __init__(self, failures):
        self.failures = failures
        self.calls = 0

    def send(self, path):
        self.calls += 1
        if self.calls <= self.failures:
            raise TransientError(f"timeout on {path} (attempt {self.calls})")
        return f"200 {path}"


class Client:
    def __init__(self, transport, retries=3):
        self.transport = transport
        self.retries = retries
        self.last_error = None

    def get(self, path):
        for attempt in range(self.retries):
            try:
                return self.transport.send(path)
            except TransientError as e:
                self.last_error = e  # expect: cycle-candidate
        return None


def fetch(path, failures):
    client = Client(FakeTransport(failures))
    result = client.get(path)
    note = str(client.last_error) if client.last_error else "no errors"
    return result, note


for path, failures in [("/health", 0), ("/orders", 2), ("/reports", 5)]:
    result, note = fetch(path, failures)
    print(f"{path}: {result} ({note})")
