# A cycle through a list, a dict, a tuple and an instance: the count of unreachable objects covers all of them.
import gc


class Box:
    def __init__(self):
        self.content = None

    def __del__(self):
        print('box freed, content type:', type(self.content).__name__)


box = Box()
box.content = {'items': [(1, box)]}
print('path back to box:', box.content['items'][0][1] is box)
del box
print('collect found:', gc.collect())
lst = []
lst.append({'t': (lst,)})
del lst
print('list->dict->tuple->list, collect found:', gc.collect())
