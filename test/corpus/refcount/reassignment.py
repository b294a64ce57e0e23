# Rebinding a name moves its reference from the old object to the new one.
import sys


class Doc:
    def __init__(self, title):
        self.title = title

    def __del__(self):
        print('freed', self.title)


current = Doc('draft')
history = [current]
print('draft:', sys.getrefcount(current))
current = Doc('final')
print('draft after rebinding:', sys.getrefcount(history[0]))
print('final:', sys.getrefcount(current))
history.append(current)
current = history[0]
print('draft bound again:', sys.getrefcount(current))
print('final in history only:', sys.getrefcount(history[1]))
history.pop()
print('end of program')
