# Globals at exit are finalized in the order the objects were created, not the order of their names.
class Named:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('exit finalizes', self.name)


made = [Named('made-1'), Named('made-2'), Named('made-3')]
zeta, alpha, middle = made[2], made[0], made[1]
del made
late = Named('made-4')
print('end of program body: names bound as zeta, alpha, middle, late')
