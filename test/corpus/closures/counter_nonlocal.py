# A counter factory: each closure has its own cell, updated with nonlocal.
def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


a = make_counter()
b = make_counter(100)
print(a(), a(), a(5))
print(b(), b())
print('cells are separate:', a.__closure__[0] is not b.__closure__[0])
print('cell contents:', a.__closure__[0].cell_contents, b.__closure__[0].cell_contents)
print('free variables:', a.__code__.co_freevars)
print('cell variables of the factory:', make_counter.__code__.co_cellvars)
