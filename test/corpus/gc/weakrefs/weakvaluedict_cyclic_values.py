# WeakValueDictionary values in reference cycles stay listed until gc.collect() frees them.
import gc
import weakref


class Session:
    def __init__(self, sid):
        self.sid = sid
        self.me = self


sessions = weakref.WeakValueDictionary()
for sid in range(4):
    s = Session(sid)
    sessions[sid] = s
del s
print('after the loop:', sorted(sessions.keys()))
print('collect found:', gc.collect())
print('after collect:', sorted(sessions.keys()))
plain = Session('plain')
plain.me = None
sessions['plain'] = plain
del plain
print('acyclic value gone at once:', len(sessions))
