# Looping over strings and bytes: characters, code points, counting and reversing.
text = 'Hello, World'
vowels = 0
for ch in text:
    if ch.lower() in 'aeiou':
        vowels += 1
print('vowels:', vowels)
print([ord(c) for c in 'abc'], ''.join(chr(c) for c in [72, 105]))
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
for b in 'é€'.encode():
    print(b, end=' ')
print()
for i, word in enumerate(text.split(', ')):
    print(i, word[::-1])
caesar = ''.join(chr((ord(c) - 97 + 3) % 26 + 97) if c.islower() else c for c in 'attack at dawn')
print(caesar)
