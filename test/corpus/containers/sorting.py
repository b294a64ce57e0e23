# sorted() is stable: records sorted by one key keep their earlier order among equals.
people = [
    ('ada', 'eng', 36),
    ('bob', 'ops', 29),
    ('cy', 'eng', 29),
    ('dee', 'ops', 41),
    ('eve', 'eng', 41),
]
by_age = sorted(people, key=lambda p: p[2])
print([p[0] for p in by_age])
by_team_then_age = sorted(sorted(people, key=lambda p: p[2]), key=lambda p: p[1])
print([p[0] for p in by_team_then_age])
print([p[0] for p in sorted(people, key=lambda p: (-p[2], p[0]))])
words = ['banana', 'Apple', 'cherry', 'apple']
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
nums = [3, -1, 2, -5]
nums.sort(key=abs)
print(nums)
print(sorted('hello'))
print(sorted({3: 'c', 1: 'a', 2: 'b'}.items(), reverse=True))
