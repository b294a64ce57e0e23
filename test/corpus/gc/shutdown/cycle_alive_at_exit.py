# A cycle still referenced by a global at exit is finalized by the collections interpreter shutdown runs.
class Peer:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print('exit: finalize', self.name, 'other is', self.other.name)


a = Peer('a')
b = Peer('b')
a.other, b.other = b, a
del b
solo = Peer('solo')
solo.other = solo
del solo
print('program body ends; a still global, solo is unreachable garbage')
