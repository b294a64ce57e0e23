# Assigning to a name anywhere in a function makes it local everywhere in it: UnboundLocalError.
count = 0


def increment():
    count += 1
    return count


def conditional(flag):
    if flag:
        message = 'set'
    return message


try:
    increment()
except UnboundLocalError as e:
    print('UnboundLocalError:', e)
print(conditional(True))
try:
    conditional(False)
except UnboundLocalError as e:
    print('UnboundLocalError:', e)
print('is a NameError:', issubclass(UnboundLocalError, NameError))
increment()
