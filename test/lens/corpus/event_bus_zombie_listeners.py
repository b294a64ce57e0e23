# lens-corpus: a module-level event bus stores bound methods; the widgets that subscribed are dropped by their owner but keep receiving events because the bus holds them.


class EventBus:
    def __init__(self):
        self._subscribers = {}

    def subscribe(self, topic, callback):
        self._subscribers.setdefault(topic, []).append(callback)  # expect: missing-weakref

    def publish(self, topic, payload):
        delivered = 0
        for callback in self._subscribers.get(topic, []):
            callback(payload)
            delivered += 1
        return delivered


bus = EventBus()


class StatusLabel:
    def __init__(self, name):
        self.name = name
        self.text = ""

    def on_status(self, payload):
        self.text = payload
        print(f"[{self.name}] status -> {payload}")


class ProgressBar:
    def __init__(self):
        self.percent = 0

    def on_progress(self, payload):
        self.percent = payload
        print(f"progress {payload}%")


def open_dialog():
    label = StatusLabel("dialog")
    bar = ProgressBar()
    bus.subscribe("status", label.on_status)
    bus.subscribe("progress", bar.on_progress)
    bus.publish("status", "dialog opened")
    # The dialog closes here: label and bar go out of scope, but the bus still holds their methods.


open_dialog()
for step in (25, 50, 100):
    n = bus.publish("progress", step)
    print("delivered to", n, "listener(s)")
bus.publish("status", "idle")
