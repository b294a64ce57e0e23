# a tuple holds its items inline: one word per item after the header
import sys
for n in (0, 1, 2, 3, 10, 100):
    print(n, sys.getsizeof(tuple(range(n))))
print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2)), sys.getsizeof((1, 'a', 2.0)))
t = (1, 2, 3)
print(sys.getsizeof(t + t), sys.getsizeof(t * 5), sys.getsizeof(t[1:]), sys.getsizeof(t[::-1]))
print(sys.getsizeof(tuple([1, 2, 3, 4])), sys.getsizeof(tuple('abcde')), sys.getsizeof(tuple(x for x in range(7))))
print(sys.getsizeof(((1, 2), (3, 4))), sys.getsizeof(divmod(7, 2)))
print(sys.getsizeof(tuple(range(5))) - sys.getsizeof(tuple(range(4))))
a, *rest = range(6)
print(sys.getsizeof(rest), sys.getsizeof(tuple(rest)))
