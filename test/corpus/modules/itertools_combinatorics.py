# itertools product, permutations, combinations and combinations_with_replacement.
import itertools

print(list(itertools.product('ab', [1, 2])))
print(list(itertools.product([0, 1], repeat=3))[:4])
print(list(itertools.permutations('abc', 2)))
print(len(list(itertools.permutations(range(5)))))
print(list(itertools.combinations([1, 2, 3, 4], 2)))
print(list(itertools.combinations_with_replacement('xy', 2)))
coins = [1, 2, 5]
ways = [c for n in range(1, 4) for c in itertools.combinations_with_replacement(coins, n) if sum(c) == 5]
print(ways)
print(list(itertools.pairwise([1, 4, 9, 16])))
