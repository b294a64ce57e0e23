# lens-corpus: clean: an order workflow as an Enum state machine with a transition table of plain values; the orders are short-lived and hold no references to each other.
from enum import Enum


class State(Enum):
    NEW = "new"
    PAID = "paid"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


TRANSITIONS = {
    (State.NEW, "pay"): State.PAID,
    (State.NEW, "cancel"): State.CANCELLED,
    (State.PAID, "ship"): State.SHIPPED,
    (State.PAID, "cancel"): State.CANCELLED,
    (State.SHIPPED, "deliver"): State.DELIVERED,
}


class Order:
    def __init__(self, number):
        self.number = number
        self.state = State.NEW
        self.log = []

    def apply(self, event):
        target = TRANSITIONS.get((self.state, event))
        if target is None:
            self.log.append(f"ignored {event} in {self.state.value}")
            return False
        self.log.append(f"{self.state.value} -> {target.value}")
        self.state = target
        return True


def replay(number, events):
    order = Order(number)
    accepted = sum(order.apply(e) for e in events)
    return order.state, accepted, order.log


for number, events in [(1, ["pay", "ship", "deliver"]), (2, ["ship", "pay", "cancel", "ship"]), (3, ["cancel"])]:
    state, accepted, log = replay(number, events)
    print(f"order {number}: {state.name} ({accepted} accepted)")
    for line in log:
        print("   ", line)
print("final states:", [s.value for s in State if s in (State.DELIVERED, State.CANCELLED)])
