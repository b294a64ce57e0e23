# Inside __del__ of a cycle member, every other member is still usable: tp_clear runs only after all finalizers.
import gc


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.partner = None

    def __del__(self):
        print(f'{self.owner} closing; partner {self.partner.owner} has {self.partner.balance}')
        self.partner.balance = 0


a, b, c = Account('ann', 10), Account('ben', 20), Account('cat', 30)
a.partner, b.partner, c.partner = b, c, a
del a, b, c
print('collect found:', gc.collect())
