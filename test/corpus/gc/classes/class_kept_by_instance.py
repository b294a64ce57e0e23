# An instance keeps its class alive; when both are dropped the class is freed by the next collection.
import gc
import weakref


class Widget:
    def __del__(self):
        print('widget instance finalized')


w = Widget()
cls_ref = weakref.ref(Widget)
del Widget
print('class alive through the instance:', cls_ref() is not None, type(w).__name__)
gc.collect()
print('after collect, class still alive:', cls_ref() is not None)
del w
print('instance freed by refcount; class alive until collect:', cls_ref() is not None)
gc.collect()
print('after second collect, class alive:', cls_ref() is not None)
