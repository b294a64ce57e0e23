# Shutdown when the module's globals are in no reference cycle: __del__ comes from a class made by type().
def make_class():
    def __del__(self):
        print('finalize', self.name)

    return type('Handle', (), {'__del__': __del__})


Handle = make_class()
first = Handle()
first.name = 'first'
second = Handle()
second.name = 'second'
group = [Handle(), Handle()]
group[0].name = 'group-0'
group[1].name = 'group-1'
print('Handle module:', Handle.__module__)
print('end of program')
