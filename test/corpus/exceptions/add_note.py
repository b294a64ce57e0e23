# Exception notes (add_note) are printed under the exception line of an uncaught exception.
def load_user(users, uid):
    try:
        return users[uid]
    except KeyError as e:
        e.add_note(f'known ids: {sorted(users)}')
        raise


users = {1: 'ada', 2: 'alan'}
try:
    load_user(users, 9)
except KeyError as e:
    print('notes:', e.__notes__)
e = ValueError('bad')
e.add_note('first note')
e.add_note('second note')
print(e.__notes__)
print(load_user(users, 1))
load_user(users, 5)
