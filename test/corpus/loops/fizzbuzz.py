# FizzBuzz three ways: if/elif, string building, and a lookup in a comprehension.
for i in range(1, 16):
    if i % 15 == 0:
        print('FizzBuzz')
    elif i % 3 == 0:
        print('Fizz')
    elif i % 5 == 0:
        print('Buzz')
    else:
        print(i)
line = []
for i in range(1, 16):
    word = ('Fizz' if i % 3 == 0 else '') + ('Buzz' if i % 5 == 0 else '')
    line.append(word or str(i))
print(' '.join(line))
words = {0: 'FizzBuzz', 3: 'Fizz', 5: 'Buzz', 6: 'Fizz', 9: 'Fizz', 10: 'Buzz', 12: 'Fizz'}
print([words.get(i % 15, i) for i in range(1, 16)])
