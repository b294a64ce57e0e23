# Slices: steps, negative indexes, slice assignment that grows or shrinks a list, and slice objects.
nums = list(range(10))
print(nums[2:5], nums[:3], nums[7:], nums[-3:])
print('every other:', nums[::2], 'reversed:', nums[::-1])
print('step back from 8:', nums[8:2:-2])
print('out of range is fine:', nums[8:100], nums[100:])
nums[2:4] = ['a', 'b', 'c', 'd']
print('grown:', nums)
nums[1:7] = []
print('shrunk:', nums)
nums[::2] = [0] * len(nums[::2])
print('extended slice assignment:', nums)
middle = slice(1, -1)
print('slice object:', 'abcdef'[middle], (1, 2, 3, 4)[middle])
print(middle.indices(10))
text = 'memory lens'
print(text[::-1], text[-4:], text[:6].upper())
