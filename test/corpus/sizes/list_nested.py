# getsizeof is shallow: a list of lists counts only its own pointers
import sys
rows = [[0] * 10 for _ in range(10)]
print(sys.getsizeof(rows), sys.getsizeof(rows[0]))
total = sys.getsizeof(rows) + sum(sys.getsizeof(r) for r in rows)
print(total)
shared = [[0] * 10] * 10
print(sys.getsizeof(shared), sys.getsizeof(shared[0]))
flat = [0] * 100
print(sys.getsizeof(flat))
words = ['alpha', 'beta', 'gamma']
print(sys.getsizeof(words), sum(sys.getsizeof(w) for w in words))
print(sys.getsizeof([words, words]))
