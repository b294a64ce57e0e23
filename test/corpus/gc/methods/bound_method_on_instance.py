# Storing a bound method on its own instance creates a cycle: instance -> method -> instance.
import gc


class Button:
    def __init__(self, label):
        self.label = label
        self.on_click = self.click

    def click(self):
        return 'clicked ' + self.label

    def __del__(self):
        print('button', self.label, 'freed')


b = Button('ok')
print(b.on_click())
print('method __self__ is b:', b.on_click.__self__ is b)
print('a fresh bound method each access:', b.click is b.click, b.click == b.click)
del b
print('after del: the cycle keeps it alive')
print('collect found:', gc.collect())
c = Button('cancel')
del c.on_click
del c
print('end')
