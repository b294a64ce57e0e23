# lens-corpus: clean: a connection and its channels refer to each other, but close() breaks the links before the connection is dropped, so reference counting frees everything.


class Channel:
    def __init__(self, number, connection):
        self.number = number
        self.connection = connection
        self.sent = []

    def send(self, message):
        self.sent.append(message)
        self.connection.bytes_out += len(message)


class Connection:
    def __init__(self, host):
        self.host = host
        self.channels = []
        self.bytes_out = 0
        self.closed = False

    def channel(self):
        ch = Channel(len(self.channels) + 1, self)
        self.channels.append(ch)
        return ch

    def close(self):
        for ch in self.channels:
            ch.connection = None
        self.channels.clear()
        self.closed = True


def publish(host, messages):
    conn = Connection(host)
    try:
        data, control = conn.channel(), conn.channel()
        control.send("HELLO")
        for message in messages:
            data.send(message)
        return conn.bytes_out, len(data.sent)
    finally:
        conn.close()


for host, messages in [("broker-a", ["alpha", "beta"]), ("broker-b", ["x" * 40])]:
    sent, count = publish(host, messages)
    print(host, "bytes", sent, "messages", count)
