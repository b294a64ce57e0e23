// Tarjan's strongly connected components, iterative (a ring of thousands of objects must not exhaust the stack):
// the reference cycles among a set of objects are its components of two or more, or of one that refers to itself.

/** The strongly connected components of the graph on `nodes` whose edges `succ` gives (targets outside
 *  `nodes` are ignored), each in the order Tarjan's algorithm closes it. */
export function stronglyConnected<T>(nodes: Iterable<T>, succ: (v: T) => T[]): T[][] {
  const members = new Set(nodes);
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const result: T[][] = [];
  let next = 0;
  const enter = (v: T): { v: T; succ: T[]; i: number } => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    return { v, succ: succ(v).filter((w) => members.has(w)), i: 0 };
  };
  for (const root of members) {
    if (index.has(root)) continue;
    const work = [enter(root)];
    while (work.length) {
      const top = work[work.length - 1];
      if (top.i < top.succ.length) {
        const w = top.succ[top.i++];
        if (!index.has(w)) work.push(enter(w));
        else if (onStack.has(w)) low.set(top.v, Math.min(low.get(top.v)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(top.v)!));
      if (low.get(top.v) === index.get(top.v)) {
        const comp: T[] = [];
        let w: T;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== top.v);
        result.push(comp);
      }
    }
  }
  return result;
}
