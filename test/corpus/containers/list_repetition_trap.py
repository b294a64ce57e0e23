# [[0] * 3] * 3 repeats one inner list three times; a comprehension builds three separate ones.
shared = [[0] * 3] * 3
shared[0][0] = 1
print('repeated:', shared)
print('rows are one object:', shared[0] is shared[1] is shared[2])

separate = [[0] * 3 for _ in range(3)]
separate[0][0] = 1
print('comprehension:', separate)
print('rows distinct:', separate[0] is not separate[1])

flat = [0] * 5
flat[2] = 7
print('repeated ints are fine:', flat)

board = [['.'] * 3 for _ in range(3)]
board[1][1] = 'X'
board[0][2] = 'O'
for row in board:
    print(' '.join(row))
