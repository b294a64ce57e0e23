# lens-corpus: chat clients keep a reference to the message bus and subscribe a bound method to it; a whole chat room built in a function becomes a cycle when the function returns.


class MessageBus:
    def __init__(self, name):
        self.name = name
        self._handlers = []
        self.sent = 0

    def subscribe(self, handler):
        self._handlers.append(handler)  # expect: cycle-candidate, missing-weakref

    def post(self, sender, text):
        self.sent += 1
        for handler in self._handlers:
            handler(sender, text)


class Client:
    def __init__(self, nick, bus):
        self.nick = nick
        self.bus = bus
        self.inbox = []
        bus.subscribe(self.on_message)

    def on_message(self, sender, text):
        if sender != self.nick:
            self.inbox.append(f"{sender}: {text}")

    def say(self, text):
        self.bus.post(self.nick, text)


def run_room(name, script):
    bus = MessageBus(name)
    clients = {nick: Client(nick, bus) for nick in ("ana", "bo", "cy")}
    for nick, text in script:
        clients[nick].say(text)
    summary = {nick: len(c.inbox) for nick, c in clients.items()}
    return bus.sent, summary


conversation = [
    ("ana", "hi all"),
    ("bo", "hey ana"),
    ("cy", "morning"),
    ("ana", "standup in 5"),
]
for room in ("general", "random"):
    sent, summary = run_room(room, conversation)
    print(room, "sent", sent, "received", summary)
