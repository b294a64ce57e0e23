# Objects still referenced by globals when the program ends are finalized during interpreter shutdown.
class Service:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('stop', self.name)


_private = Service('_private')
alpha = Service('alpha')
beta = Service('beta')
pool = [Service('pool-0'), Service('pool-1')]
config = {'db': Service('db')}
zeta = Service('zeta')
alias = alpha
print('end of program')
