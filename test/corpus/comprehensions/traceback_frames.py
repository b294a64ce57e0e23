# Frames of a comprehension: 3.11 runs it in its own function frame (<listcomp>), 3.12+ inlines it (PEP 709)
import sys

def frame_names():
    return [sys._getframe().f_code.co_name for _ in range(1)]

def caller_names():
    return [sys._getframe(1).f_code.co_name for _ in range(1)]

print(frame_names(), caller_names())
print({k: sys._getframe().f_code.co_name for k in 'a'})
print({sys._getframe().f_code.co_name for _ in 'a'})
print(list(sys._getframe().f_code.co_name for _ in 'a'))

def divide(values):
    return [10 // v for v in values]

def walk(tb):
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return names

try:
    divide([5, 0])
except ZeroDivisionError as e:
    print(walk(e.__traceback__))

def nested():
    return [[1 // (a - b) for b in range(2)] for a in range(2)]

try:
    nested()
except ZeroDivisionError as e:
    print(walk(e.__traceback__))

def depth():
    return [len(sys._getframe().f_code.co_varnames) for _ in range(1)]
print(depth())
