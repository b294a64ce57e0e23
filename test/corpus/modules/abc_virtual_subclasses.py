# abc: ABC.register makes virtual subclasses; collections.abc checks find protocols by their methods.
from abc import ABC, abstractmethod
from collections.abc import Hashable, Iterable, Mapping, Sequence, Sized


class Storage(ABC):
    @abstractmethod
    def save(self, key, value):
        ...


class Legacy:
    def save(self, key, value):
        return f'saved {key}'


Storage.register(Legacy)
print(isinstance(Legacy(), Storage), issubclass(Legacy, Storage), Storage in Legacy.__mro__)


class Bag:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)


bag = Bag([1, 2])
print(isinstance(bag, Sized), isinstance(bag, Iterable), isinstance(bag, Sequence))
print(isinstance([], Sequence), isinstance({}, Mapping), isinstance((), Hashable), isinstance([], Hashable))
print(isinstance('text', Sequence), issubclass(dict, Mapping), issubclass(set, Sequence))
