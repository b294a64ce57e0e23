# sys.getrefcount of a global list as more names and containers refer to it, and after those go away.
import sys

inventory = ['apple', 'pear', 'plum']
print('one name:', sys.getrefcount(inventory))

alias = inventory
print('two names:', sys.getrefcount(inventory))

shelf = [inventory, inventory]
print('in a list twice:', sys.getrefcount(inventory))

catalog = {'fruit': inventory}
print('also a dict value:', sys.getrefcount(inventory))

del alias
print('alias deleted:', sys.getrefcount(inventory))

shelf.clear()
print('list cleared:', sys.getrefcount(inventory))

catalog['fruit'] = None
print('dict value replaced:', sys.getrefcount(inventory))
