# Each attribute access to a method makes a new bound method object; the function underneath is one object.
class Greeter:
    def greet(self):
        return 'hi'

    @staticmethod
    def helper():
        return 'help'

    @classmethod
    def make(cls):
        return cls()


g = Greeter()
print('g.greet is g.greet:', g.greet is g.greet)
print('g.greet == g.greet:', g.greet == g.greet)
print('Greeter.greet is Greeter.greet:', Greeter.greet is Greeter.greet)
print('__func__ is the class function:', g.greet.__func__ is Greeter.greet)
print('staticmethod is a plain function:', g.helper is Greeter.helper)
print('classmethod bound each time:', Greeter.make is Greeter.make, Greeter.make == Greeter.make)
other = Greeter()
print('bound to different instances equal:', g.greet == other.greet)
print('len is len:', len is len, 'abs is abs:', abs is abs)
