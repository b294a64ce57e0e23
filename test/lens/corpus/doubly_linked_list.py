# lens-corpus: a doubly linked list used as a work queue inside a function: prev pointers are strong, so every pair of neighbours is a cycle left to the collector.


class Node:
    __slots__ = ("value", "prev", "next")

    def __init__(self, value):
        self.value = value
        self.prev = None
        self.next = None


class LinkedList:
    def __init__(self):
        self.head = None
        self.tail = None
        self.size = 0

    def append(self, value):
        node = Node(value)
        if self.tail is None:
            self.head = self.tail = node
        else:
            node.prev = self.tail  # expect: missing-weakref
            self.tail.next = node  # expect: cycle-candidate
            self.tail = node
        self.size += 1
        return node

    def __iter__(self):
        node = self.head
        while node is not None:
            yield node.value
            node = node.next

    def reversed(self):
        node = self.tail
        while node is not None:
            yield node.value
            node = node.prev


def schedule(tasks):
    queue = LinkedList()
    for name, cost in tasks:
        queue.append((name, cost))
    forward = [name for name, _ in queue]
    backward = [name for name, _ in queue.reversed()]
    total = sum(cost for _, cost in queue)
    return forward, backward, total


jobs = [("compile", 4), ("test", 7), ("lint", 1), ("package", 3), ("upload", 2)]
fwd, back, total = schedule(jobs)
print("order:", ", ".join(fwd))
print("reverse:", ", ".join(back))
print("total cost:", total)
