# At shutdown the module's globals are cleared in order, so __del__ of global objects runs in that order.
class Named:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('shutdown frees', self.name)


first = Named('first')
second = Named('second')
third = Named('third')
second_alias = second
print('program body ends here')
