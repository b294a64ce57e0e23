# Slices of strings, tuples and ranges, including negative steps and slice objects.
word = 'programming'
print(word[0], word[-1], word[3:7], word[:3], word[-4:], word[::3], word[::-1])
print(word[10:2:-2], word[100:], repr(word[5:2]))
t = tuple(range(10))
print(t[2::3], t[-3::-3], t[slice(None, None, -4)])
r = range(20)[5:15:2]
print(r, list(r), r[1], len(r))
first, last = word[:len(word) // 2], word[len(word) // 2:]
print(first, last, first + last == word)
print([word[i:i + 3] for i in range(0, len(word), 3)])
print('racecar'[::-1] == 'racecar', 'python'[-100:100])
