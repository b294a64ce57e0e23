# dict displays: up to five entries start small and grow, more are presized
import sys
print(sys.getsizeof({}), sys.getsizeof({'a': 1}), sys.getsizeof({'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5}))
print(sys.getsizeof({'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6}))
print(sys.getsizeof({1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7}))
print(sys.getsizeof({'k1': 1, 'k2': 2, 'k3': 3, 'k4': 4, 'k5': 5, 'k6': 6, 'k7': 7, 'k8': 8, 'k9': 9, 'k10': 10, 'k11': 11}))
x = 'x'
print(sys.getsizeof({x: 1, 'y': 2}), sys.getsizeof({x: 1, 2: 2}))
print(sys.getsizeof({x + str(i): i for i in range(3)}))
print(sys.getsizeof({i: i for i in range(6)}), sys.getsizeof({i: i for i in range(11)}))
print(sys.getsizeof(dict()), sys.getsizeof(dict(a=1)), sys.getsizeof(dict(a=1, b=2, c=3, d=4, e=5, f=6)))
print(sys.getsizeof(dict([(1, 2), (3, 4)])), sys.getsizeof(dict(zip('abcdefg', range(7)))))
