# __del__ runs the moment the last reference goes away, not when the first name is deleted.
class Session:
    def __init__(self, user):
        self.user = user
        print('open', user)

    def __del__(self):
        print('close', self.user)


s = Session('ada')
backup = s
print('deleting s')
del s
print('s deleted, backup still holds it')
print('deleting backup')
del backup
print('after both')
t = Session('bob')
t = None
print('rebinding to None closed it')
