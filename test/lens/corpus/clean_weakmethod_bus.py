# lens-corpus: clean: an event bus stores weakref.WeakMethod references to its handlers and prunes the dead ones, so a subscriber that goes away is not kept alive by the bus.
import weakref


class EventBus:
    def __init__(self):
        self._handlers = {}

    def subscribe(self, topic, method):
        self._handlers.setdefault(topic, []).append(weakref.WeakMethod(method))

    def publish(self, topic, *args):
        alive = []
        for ref in self._handlers.get(topic, []):
            handler = ref()
            if handler is not None:
                handler(*args)
                alive.append(ref)
        self._handlers[topic] = alive
        return len(alive)


class Cart:
    def __init__(self, owner):
        self.owner = owner
        self.items = []

    def on_price_change(self, sku, price):
        if sku in self.items:
            print(f"  {self.owner}: {sku} now {price}")


bus = EventBus()
alice = Cart("alice")
alice.items += ["tea", "jam"]
bus.subscribe("price", alice.on_price_change)


def guest_visit():
    guest = Cart("guest")
    guest.items.append("tea")
    bus.subscribe("price", guest.on_price_change)
    return bus.publish("price", "tea", 3.2)


print("during visit:", guest_visit(), "handlers")
print("after visit:", bus.publish("price", "tea", 3.4), "handler")
print("after jam:", bus.publish("price", "jam", 5.0), "handler")
