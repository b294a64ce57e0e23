# A list as a stack (append/pop) and collections.deque as a queue, checking balanced brackets.
from collections import deque


def balanced(text):
    pairs = {')': '(', ']': '[', '}': '{'}
    stack = []
    for ch in text:
        if ch in '([{':
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack


for sample in ['(a[b]{c})', '(]', '((', '']:
    print(repr(sample), balanced(sample))

queue = deque(['first', 'second'])
queue.append('third')
queue.appendleft('zeroth')
print('served:', queue.popleft(), queue.popleft())
print('waiting:', list(queue))
queue.rotate(1)
print('rotated:', queue)
