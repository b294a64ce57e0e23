# A weakref.proxy forwards to its referent and raises ReferenceError once it is gone.
import gc
import weakref


class Account:
    def __init__(self, balance):
        self.balance = balance

    def deposit(self, n):
        self.balance += n
        return self.balance


acct = Account(10)
p = weakref.proxy(acct)
print('via proxy:', p.deposit(5), p.balance)
print('type of proxy:', type(p).__name__)
print('proxy == object:', p == acct)
del acct
for action in ('attribute', 'method', 'bool'):
    try:
        if action == 'attribute':
            p.balance
        elif action == 'method':
            p.deposit(1)
        else:
            bool(p)
    except ReferenceError as e:
        print(action, '-> ReferenceError:', e)
cyc = Account(0)
cyc.me = cyc
q = weakref.proxy(cyc)
del cyc
print('cyclic referent still reachable through proxy:', q.balance)
gc.collect()
print('after collect, proxy callable check:', callable(q))
