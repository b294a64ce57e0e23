# __sizeof__ must return a non-negative int; getsizeof's default is used only when __sizeof__ fails
import sys
class Neg:
    def __sizeof__(self):
        return -1
class NotInt:
    def __sizeof__(self):
        return 'big'
class Boolish:
    def __sizeof__(self):
        return True
for cls in (Neg, NotInt):
    try:
        sys.getsizeof(cls())
    except Exception as e:
        print(type(e).__name__, e)
print(sys.getsizeof(Boolish()))
print(sys.getsizeof(Neg.__new__(Neg), 5) if False else 'skip')
try:
    sys.getsizeof()
except TypeError as e:
    print('TypeError')
