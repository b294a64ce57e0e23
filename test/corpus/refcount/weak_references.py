# A weak reference does not add to the reference count; it is cleared when the object is freed.
import sys
import weakref


class Image:
    def __init__(self, name):
        self.name = name


img = Image('logo')
print('strong only:', sys.getrefcount(img))
ref = weakref.ref(img)
print('with a weakref:', sys.getrefcount(img))
print('weakref count:', weakref.getweakrefcount(img))
print('deref is img:', ref() is img)
strong = ref()
print('deref result kept:', sys.getrefcount(img))
del strong
proxy = weakref.proxy(img)
print('proxy name:', proxy.name, sys.getrefcount(img))
del img
print('after del, ref() is None:', ref() is None)
try:
    proxy.name
except ReferenceError as e:
    print('proxy:', e)
