# sys.getrefcount(self) inside methods called in different ways.
import sys


class Account:
    def __init__(self, owner):
        self.owner = owner
        print('in __init__:', sys.getrefcount(self))

    def balance(self):
        return sys.getrefcount(self)

    def nested(self):
        return self.balance()

    @property
    def count_via_property(self):
        return sys.getrefcount(self)


acct = Account('ada')
print('module level:', sys.getrefcount(acct))
print('method call:', acct.balance())
print('through a nested method:', acct.nested())
print('through the class:', Account.balance(acct))
print('property getter:', acct.count_via_property)
method = acct.balance
print('saved bound method call:', method())
