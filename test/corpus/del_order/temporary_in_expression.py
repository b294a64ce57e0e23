# A temporary object made inside an expression is freed as soon as the statement no longer needs it.
class Conn:
    def __init__(self, name):
        self.name = name
        print('open', name)

    def query(self):
        return 'rows from ' + self.name

    def __del__(self):
        print('close', self.name)


print(Conn('tmp1').query())
print('next statement')
length = len(Conn('tmp2').query())
print('length', length)
results = [Conn(f'c{i}').query() for i in range(2)]
print(results)
print('end')
