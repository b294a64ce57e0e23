# lens-corpus: each protocol connection builds a dispatch table of its own bound methods and stores it on itself; a connection per client makes one self-cycle per client.


class Connection:
    def __init__(self, peer):
        self.peer = peer
        self.log = []
        self.routes = {"HELO": self.on_helo, "PING": self.on_ping, "QUIT": self.on_quit}  # expect: cycle-candidate, missing-weakref
        self.open = True

    def on_helo(self, arg):
        self.log.append(f"hello {arg}")
        return "250 ok"

    def on_ping(self, arg):
        return "PONG " + arg

    def on_quit(self, arg):
        self.open = False
        return "221 bye"

    def handle(self, line):
        verb, _, arg = line.partition(" ")
        handler = self.routes.get(verb.upper())
        if handler is None:
            return "500 unknown command"
        return handler(arg)


def serve_client(peer, lines):
    conn = Connection(peer)
    replies = []
    for line in lines:
        replies.append(conn.handle(line))
        if not conn.open:
            break
    return replies


sessions = {
    "10.0.0.5": ["HELO alpha", "PING 1", "NOOP", "QUIT", "PING 2"],
    "10.0.0.9": ["helo beta", "ping x"],
}
for peer, lines in sessions.items():
    print(peer, serve_client(peer, lines))
