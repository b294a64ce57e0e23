# heapq as a priority queue and bisect for keeping a sorted list.
import bisect
import heapq

tasks = []
for priority, name in [(3, 'write'), (1, 'plan'), (2, 'code'), (1, 'coffee')]:
    heapq.heappush(tasks, (priority, name))
print([heapq.heappop(tasks) for _ in range(len(tasks))])
nums = [9, 1, 8, 2, 7, 3]
heapq.heapify(nums)
print(nums[0], heapq.nsmallest(3, nums), heapq.nlargest(2, nums))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6])))
scores = [10, 20, 30, 40]
bisect.insort(scores, 25)
print(scores, bisect.bisect_left(scores, 20), bisect.bisect_right(scores, 20))
grades = 'FDCBA'
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [55, 60, 75, 99]])
print(heapq.heappushpop([5, 7], 3), heapq.heapreplace([1, 9], 4))
