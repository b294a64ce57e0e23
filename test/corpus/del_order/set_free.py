# Freeing a set releases its items in table order; ints hash to themselves, so that order is predictable.
class Ticket:
    def __init__(self, number):
        self.number = number

    def __hash__(self):
        return self.number

    def __eq__(self, other):
        return self.number == other.number

    def __del__(self):
        print('free ticket', self.number)


tickets = {Ticket(n) for n in [5, 1, 3]}
print('ordered by hash:', [t.number for t in tickets])
print('drop the set')
tickets = None
s = {Ticket(2), Ticket(4)}
s.discard(Ticket(2))
print('after discard')
s.clear()
print('end')
