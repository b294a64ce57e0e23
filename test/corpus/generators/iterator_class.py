# A class made iterable with __iter__ as a generator method, next to a hand-written iterator class.
class Deck:
    def __init__(self, cards):
        self.cards = cards

    def __iter__(self):
        for card in self.cards:
            yield card


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


deck = Deck(['A', 'K', 'Q'])
print(list(deck), list(deck))
cd = Countdown(3)
print(list(cd), 'again:', list(cd))
it = iter(deck)
print(next(it), type(it).__name__)
print(sorted(Deck([3, 1, 2])), max(Countdown(4)))
