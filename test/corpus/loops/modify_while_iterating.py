# Changing a collection while looping over it: lists skip items, dicts and sets raise RuntimeError.
nums = [1, 2, 2, 3, 4, 4, 5]
for n in nums:
    if n % 2 == 0:
        nums.remove(n)
print('removed while iterating:', nums)
nums = [1, 2, 2, 3, 4, 4, 5]
nums = [n for n in nums if n % 2]
print('filtered copy:', nums)
d = {'a': 1, 'b': 2}
try:
    for key in d:
        d[key + key] = 0
except RuntimeError as e:
    print('RuntimeError:', e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x * 10)
except RuntimeError as e:
    print('RuntimeError:', e)
d = {'a': 1, 'b': 2, 'c': 3}
for key in list(d):
    if d[key] > 1:
        del d[key]
print('deleted over a copy of the keys:', d)
