# TypeError messages for calls with missing, extra, duplicate or unknown arguments.
def connect(host, port, *, timeout=10):
    return f'{host}:{port}'


class Client:
    def send(self, data):
        return data


attempts = [
    lambda: connect('h'),
    lambda: connect('h', 1, 2),
    lambda: connect('h', 1, retries=3),
    lambda: connect('h', host='x'),
    lambda: connect(),
    lambda: Client().send(),
    lambda: Client().send(1, 2),
    lambda: Client.send(),
    lambda: len(),
    lambda: len([], []),
    lambda: int('5', bas=10),
]
for attempt in attempts:
    try:
        attempt()
    except TypeError as e:
        print('TypeError:', e)
