# A ring of 50 instances: one del of the entry point, then one collection finds the whole ring.
import gc


class Link:
    count = 0

    def __init__(self, n):
        self.n = n
        self.next = None

    def __del__(self):
        Link.count += 1


first = Link(0)
node = first
for i in range(1, 50):
    node.next = Link(i)
    node = node.next
node.next = first
del node
steps, cur = 0, first.next
while cur is not first:
    steps += 1
    cur = cur.next
print('ring length:', steps + 1)
del cur, first
print('finalized before collect:', Link.count)
print('collect found:', gc.collect())
print('finalized after collect:', Link.count)
