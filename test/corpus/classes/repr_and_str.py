# __repr__ is for developers and used inside containers; __str__ is what print shows.
class Money:
    def __init__(self, amount, currency):
        self.amount = amount
        self.currency = currency

    def __repr__(self):
        return f'Money({self.amount!r}, {self.currency!r})'

    def __str__(self):
        return f'{self.amount:.2f} {self.currency}'

    def __format__(self, spec):
        if spec == 'short':
            return f'{self.amount:g}{self.currency[0]}'
        return str(self)


class OnlyRepr:
    def __repr__(self):
        return '<OnlyRepr>'


m = Money(12.5, 'EUR')
print(m)
print(repr(m))
print([m, Money(3, 'USD')])
print(f'{m}', f'{m!r}', f'{m:short}')
print(str(OnlyRepr()), [OnlyRepr()])
print('%s and %r' % (m, m))
