# String building, splitting and joining.
parts = []
for i in range(300000):
    parts.append(str(i))
text = ','.join(parts)
words = text.split(',')
print(len(text), len(words), words[123456].upper(), text.count('7'))
