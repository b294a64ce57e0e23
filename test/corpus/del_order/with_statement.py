# A context manager object bound with `as` outlives the with block; an unbound one is freed right after it.
class Managed:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print('enter', self.name)
        return self

    def __exit__(self, *exc):
        print('exit', self.name)
        return False

    def __del__(self):
        print('free', self.name)


with Managed('bound') as m:
    print('inside with', m.name)
print('after first with, m still bound')
with Managed('unbound'):
    print('inside second with')
print('after second with')
del m
print('end')
