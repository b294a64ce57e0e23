# A class object is referenced by its instances (through their type) as well as by its own name.
import sys


class Widget:
    pass


class Gadget(Widget):
    pass


before = sys.getrefcount(Widget)
instances = [Widget() for _ in range(5)]
print('five instances add:', sys.getrefcount(Widget) - before)
instances.clear()
print('instances gone:', sys.getrefcount(Widget) - before)
sub_before = sys.getrefcount(Gadget)
g = Gadget()
print('a Gadget instance adds to Gadget:', sys.getrefcount(Gadget) - sub_before)
print('type(g) is Gadget:', type(g) is Gadget)
alias = Widget
print('an alias adds:', sys.getrefcount(Widget) - before)
