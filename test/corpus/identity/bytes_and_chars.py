# Single characters and single bytes come from caches; longer bytes objects built at run time do not.
def char_at(text, i):
    return text[i]


word = ''.join(['p', 'y', 't', 'h', 'o', 'n'])
print('same latin-1 char from two strings:', char_at(word, 0) is char_at('pypy', 0))
print('chr(112) is word[0]:', chr(112) is word[0])
data = bytes([1, 2, 3, 250])
print('bytes[0:1] twice:', data[0:1] is data[0:1])
print('single byte from bytes():', bytes([7]) is bytes([7]))
long1 = bytes(range(10))
long2 = bytes(range(10))
print('longer bytes equal / identical:', long1 == long2, long1 is long2)
print('bytes(b) is b:', bytes(long1) is long1)
print('indexing bytes gives an int:', data[3], type(data[3]).__name__)
