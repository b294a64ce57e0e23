# A mutable default argument is one object shared by every call that does not pass the argument.
def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket


def append_safely(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket


first = append_to(1)
second = append_to(2)
print('shared default:', first is second, first)
print('default is the function attribute:', first is append_to.__defaults__[0])
mine = append_to(3, [])
print('explicit list is separate:', mine, mine is first)
a = append_safely(1)
b = append_safely(2)
print('fresh lists:', a, b, a is b)
