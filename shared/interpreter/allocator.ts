// Where objects live: a model of pymalloc (Objects/obmalloc.c). Small requests (<= 512 bytes) come from size
// classes in 16-byte steps; a freed block is the next one its class hands out (a pool's freelist is LIFO), so
// `id([]) == id([])` is True here as in CPython. Larger requests go to the system allocator.

const ALIGNMENT = 16;
const SMALL_REQUEST_THRESHOLD = 512;
const POOL_SIZE = 16 * 1024;
const ARENA_SIZE = 1024 * 1024;
const ARENA_BASE = 0x7f3a00000000;
const SYSTEM_BASE = 0x55d400000000;

export class Allocator {
  /** Free blocks of each size class, most recently freed last. */
  private free: number[][] = [];
  /** Where each class carves its next fresh block, and where its current pool ends. */
  private next: number[] = [];
  private poolEnd: number[] = [];
  private nextPool = ARENA_BASE;
  private systemNext = SYSTEM_BASE;
  private systemFree = new Map<number, number[]>();
  /** Bytes handed out and not yet freed (blocks rounded up to their size class). */
  inUse = 0;

  static sizeClass(size: number): number {
    return Math.max(1, Math.ceil(size / ALIGNMENT)) - 1;
  }

  static blockSize(size: number): number {
    return size <= SMALL_REQUEST_THRESHOLD ? (Allocator.sizeClass(size) + 1) * ALIGNMENT : size;
  }

  malloc(size: number): number {
    if (size > SMALL_REQUEST_THRESHOLD) return this.systemMalloc(size);
    const cls = Allocator.sizeClass(size);
    const block = (cls + 1) * ALIGNMENT;
    this.inUse += block;
    const free = this.free[cls];
    if (free && free.length) return free.pop()!;
    let at = this.next[cls];
    if (at === undefined || at + block > this.poolEnd[cls]) {
      at = this.nextPool;
      this.nextPool += POOL_SIZE;
      if ((this.nextPool - ARENA_BASE) % ARENA_SIZE === 0) this.nextPool += 0; // arenas are contiguous here
      this.poolEnd[cls] = at + POOL_SIZE;
    }
    this.next[cls] = at + block;
    return at;
  }

  freeBlock(address: number, size: number): void {
    if (size > SMALL_REQUEST_THRESHOLD) {
      this.inUse -= size;
      const list = this.systemFree.get(size) ?? [];
      list.push(address);
      this.systemFree.set(size, list);
      return;
    }
    const cls = Allocator.sizeClass(size);
    this.inUse -= (cls + 1) * ALIGNMENT;
    (this.free[cls] ??= []).push(address);
  }

  private systemMalloc(size: number): number {
    this.inUse += size;
    const reuse = this.systemFree.get(size);
    if (reuse && reuse.length) return reuse.pop()!;
    const at = this.systemNext;
    this.systemNext += Math.ceil((size + 16) / 16) * 16;
    return at;
  }
}
