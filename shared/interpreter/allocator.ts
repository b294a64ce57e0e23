// Where objects live: pymalloc as Objects/obmalloc.c has it in 3.11 (3.12+ moved the structs to
// Include/internal/pycore_obmalloc.h; the algorithm is the same through 3.14). Requests up to
// SMALL_REQUEST_THRESHOLD come from size classes of ALIGNMENT steps; each class has a list of used pools
// (usedpools) and allocates from the first one: its freeblock list (LIFO: the block freed last is handed out
// first), else the pool's untouched tail. Pools are carved from arenas; an empty pool goes back to its arena's
// freepools, an arena whose pools are all empty is freed unless it is the last usable one, and usable_arenas
// is kept sorted by nfreepools, fullest first. Larger requests go to the system allocator (PyMem_RawMalloc).
// Addresses are deterministic: arenas and system blocks are placed by fixed rules, never by the host.

/** The layout constants of one build (obmalloc.c "Tunable settings"): 64-bit builds use 16-byte alignment,
 *  1 MiB arenas and (with WITH_PYMALLOC_RADIX_TREE, the default) 16 KiB pools; 32-bit builds 8 bytes,
 *  256 KiB and 4 KiB. POOL_OVERHEAD is sizeof(struct pool_header) rounded up to ALIGNMENT. */
export interface AllocatorLayout {
  alignment: number;
  poolSize: number;
  arenaSize: number;
  poolOverhead: number;
}

export function layoutFor(ptr: number): AllocatorLayout {
  // struct pool_header: ref, freeblock, nextpool, prevpool (pointers), arenaindex, szidx, nextoffset,
  // maxnextoffset (uint).
  const header = 4 * ptr + 4 * 4;
  const alignment = ptr > 4 ? 16 : 8;
  return {
    alignment,
    poolSize: ptr > 4 ? 1 << 14 : 1 << 12,
    arenaSize: ptr > 4 ? 1 << 20 : 1 << 18,
    poolOverhead: Math.ceil(header / alignment) * alignment,
  };
}

/** SMALL_REQUEST_THRESHOLD */
export const SMALL_REQUEST_THRESHOLD = 512;
const ARENA_BASE = 0x7f3a00000000;
const SYSTEM_BASE = 0x55d400000000;

/** struct pool_header */
export class Pool {
  /** ref.count: blocks in use. */
  count = 0;
  /** szidx: the size class (-1: DUMMY_SIZE_IDX, never used). */
  szidx = -1;
  /** The freeblock list, most recently freed last (the head is the array's end). */
  freeblock: number[] = [];
  nextoffset = 0;
  maxnextoffset = 0;
  nextpool: Pool | null = null;
  prevpool: Pool | null = null;
  constructor(readonly address: number, readonly arena: Arena) {}
}

/** struct arena_object */
export class Arena {
  /** The pools carved so far, by address. */
  pools: Pool[] = [];
  /** freepools: empty pools, the most recently emptied first. */
  freepools: Pool[] = [];
  nfreepools = 0;
  ntotalpools = 0;
  /** pool_address: where the next pool is carved. */
  poolAddress = 0;
  nextarena: Arena | null = null;
  prevarena: Arena | null = null;
  constructor(public address: number) {}
}

/** What the heap panel draws: each arena's pools with their size class and blocks. */
export interface ArenaView {
  address: number;
  ntotalpools: number;
  nfreepools: number;
  pools: { address: number; sizeClass: number; blockSize: number; used: number; capacity: number }[];
}

export interface AllocatorStats {
  arenas: number;
  /** Pools holding blocks (used or full). */
  pools: number;
  /** Blocks in use and their bytes (block sizes). */
  blocks: number;
  blockBytes: number;
  /** Bytes of the used pools not holding a live block (free blocks, untouched tails, headers): what
   *  fragmentation costs. */
  freeBytesInPools: number;
  /** Requests the system allocator serves, and their bytes. */
  systemBlocks: number;
  systemBytes: number;
}

export class Allocator {
  readonly layout: AllocatorLayout;
  private readonly alignShift: number;
  private readonly maxPools: number;
  /** usedpools: per size class, the pools with free blocks (the first one serves). */
  private usedpools: (Pool | null)[] = [];
  /** Pools by pool number from ARENA_BASE (POOL_ADDR: an address rounded down to its pool); an array index, not a
   *  Map keyed by 48-bit addresses, since every free asks. */
  private poolAt: (Pool | undefined)[] = [];
  /** Live arenas in creation order (arenas[] of obmalloc.c, for the panel). */
  readonly arenas: Arena[] = [];
  private usableArenas: Arena | null = null;
  /** nfp2lasta[nf]: the last arena in usable_arenas with nf free pools. */
  private nfp2lasta: (Arena | null)[] = [];
  /** Addresses of freed arenas (munmap'ed; mmap hands the last one back first) and the next fresh one. */
  private freedArenaAddresses: number[] = [];
  private nextArenaAddress = ARENA_BASE;
  private systemNext = SYSTEM_BASE;
  private systemFree = new Map<number, number[]>();
  private systemLive = new Map<number, number>();
  /** Bytes handed out and not yet freed (small blocks at their block size, system blocks as requested). */
  inUse = 0;
  /** sys.getallocatedblocks(): pymalloc blocks plus system blocks in use. */
  allocatedBlocks = 0;

  constructor(ptr = 8) {
    this.layout = layoutFor(ptr);
    this.alignShift = Math.log2(this.layout.alignment);
    this.maxPools = this.layout.arenaSize / this.layout.poolSize;
  }

  /** The size class of a request: (nbytes - 1) >> ALIGNMENT_SHIFT. */
  sizeClass(size: number): number {
    return Math.max(0, (size - 1) >> this.alignShift);
  }

  /** INDEX2SIZE */
  classSize(szidx: number): number {
    return (szidx + 1) << this.alignShift;
  }

  /** What a request of `size` bytes occupies: its block, or the request itself above the threshold. */
  blockSize(size: number): number {
    return size <= SMALL_REQUEST_THRESHOLD ? this.classSize(this.sizeClass(size)) : size;
  }

  /** _PyObject_Malloc: pymalloc_alloc, else the system allocator. */
  malloc(size: number): number {
    if (size > SMALL_REQUEST_THRESHOLD || size <= 0) return this.systemMalloc(size);
    const szidx = this.sizeClass(size);
    this.inUse += this.classSize(szidx);
    this.allocatedBlocks++;
    const pool = this.usedpools[szidx];
    if (!pool) return this.allocateFromNewPool(szidx);
    pool.count++;
    const bp = this.takeBlock(pool, szidx);
    if (!this.hasFree(pool, szidx)) this.unlinkUsed(pool, szidx); // pymalloc_pool_extend: the pool is full
    return bp;
  }

  /** _PyObject_Free: pymalloc_free, else the system allocator. */
  freeBlock(address: number, size: number): void {
    const pool = this.poolOf(address);
    if (!pool || size > SMALL_REQUEST_THRESHOLD) {
      this.systemFreeBlock(address, size);
      return;
    }
    this.inUse -= this.classSize(pool.szidx);
    this.allocatedBlocks--;
    const wasFull = !this.hasFree(pool, pool.szidx);
    pool.freeblock.push(address);
    pool.count--;
    if (wasFull) {
      this.insertToUsedpool(pool); // it was full, so in no list: it goes first
      return;
    }
    if (pool.count !== 0) return;
    this.insertToFreepool(pool);
  }

  /** The number of the pool an arena address falls in (negative below the arenas: a system block). */
  private poolNumber(address: number): number {
    return Math.floor((address - ARENA_BASE) / this.layout.poolSize);
  }

  /** The carved pool holding an address, if any. */
  private poolOf(address: number): Pool | undefined {
    const n = this.poolNumber(address);
    return n >= 0 ? this.poolAt[n] : undefined;
  }

  /** A block from the pool's freeblock list, else from its untouched tail (pymalloc_pool_extend). */
  private takeBlock(pool: Pool, szidx: number): number {
    if (pool.freeblock.length) return pool.freeblock.pop()!;
    const bp = pool.address + pool.nextoffset;
    pool.nextoffset += this.classSize(szidx);
    return bp;
  }

  private hasFree(pool: Pool, szidx: number): boolean {
    return pool.freeblock.length > 0 || pool.nextoffset <= this.layout.poolSize - this.classSize(szidx);
  }

  private unlinkUsed(pool: Pool, szidx: number): void {
    if (pool.prevpool) pool.prevpool.nextpool = pool.nextpool;
    else this.usedpools[szidx] = pool.nextpool;
    if (pool.nextpool) pool.nextpool.prevpool = pool.prevpool;
    pool.nextpool = pool.prevpool = null;
  }

  /** insert_to_usedpool: at the front of its class's list. */
  private insertToUsedpool(pool: Pool): void {
    const first = this.usedpools[pool.szidx] ?? null;
    pool.prevpool = null;
    pool.nextpool = first;
    if (first) first.prevpool = pool;
    this.usedpools[pool.szidx] = pool;
  }

  /** allocate_from_new_pool: a cached empty pool of the first usable arena, else a new pool carved from it. */
  private allocateFromNewPool(szidx: number): number {
    if (!this.usableArenas) {
      const arena = this.newArena();
      arena.nextarena = arena.prevarena = null;
      this.usableArenas = arena;
      this.nfp2lasta[arena.nfreepools] = arena;
    }
    const ua = this.usableArenas;
    if (this.nfp2lasta[ua.nfreepools] === ua) this.nfp2lasta[ua.nfreepools] = null;
    if (ua.nfreepools > 1) this.nfp2lasta[ua.nfreepools - 1] = ua;
    let pool: Pool;
    if (ua.freepools.length) {
      pool = ua.freepools.shift()!;
    } else {
      pool = new Pool(ua.poolAddress, ua);
      ua.pools.push(pool);
      this.poolAt[this.poolNumber(pool.address)] = pool;
      ua.poolAddress += this.layout.poolSize;
    }
    if (--ua.nfreepools === 0) {
      this.usableArenas = ua.nextarena;
      if (this.usableArenas) this.usableArenas.prevarena = null;
      ua.nextarena = null;
    }
    pool.count = 1;
    pool.nextpool = pool.prevpool = null;
    this.usedpools[szidx] = pool;
    if (pool.szidx === szidx) {
      // This pool last held blocks of the same class: its free list is still good.
      const bp = this.takeBlock(pool, szidx);
      if (!this.hasFree(pool, szidx)) this.unlinkUsed(pool, szidx);
      return bp;
    }
    const size = this.classSize(szidx);
    pool.szidx = szidx;
    pool.freeblock = [];
    pool.nextoffset = this.layout.poolOverhead + size;
    pool.maxnextoffset = this.layout.poolSize - size;
    return pool.address + this.layout.poolOverhead;
  }

  /** new_arena: an arena object with MAX_POOLS_IN_ARENA pools (our arenas are pool-aligned: no excess). */
  private newArena(): Arena {
    const address = this.freedArenaAddresses.pop() ?? this.nextFreshArena();
    const arena = new Arena(address);
    arena.poolAddress = address;
    arena.nfreepools = arena.ntotalpools = this.maxPools;
    this.arenas.push(arena);
    return arena;
  }

  private nextFreshArena(): number {
    const a = this.nextArenaAddress;
    this.nextArenaAddress += this.layout.arenaSize;
    return a;
  }

  /** insert_to_freepool: the pool is empty; its arena is freed, linked in, or moved to keep usable_arenas
   *  sorted by nfreepools. */
  private insertToFreepool(pool: Pool): void {
    this.unlinkUsed(pool, pool.szidx);
    const ao = pool.arena;
    ao.freepools.unshift(pool);
    let nf = ao.nfreepools;
    const lastnf = this.nfp2lasta[nf] ?? null;
    if (lastnf === ao) {
      const p = ao.prevarena;
      this.nfp2lasta[nf] = p !== null && p.nfreepools === nf ? p : null;
    }
    ao.nfreepools = ++nf;
    if (nf === ao.ntotalpools && ao.nextarena !== null) {
      // Case 1: every pool is empty and another arena is usable: free this one.
      if (ao.prevarena === null) this.usableArenas = ao.nextarena;
      else ao.prevarena.nextarena = ao.nextarena;
      ao.nextarena.prevarena = ao.prevarena;
      this.freeArena(ao);
      return;
    }
    if (nf === 1) {
      // Case 2: the arena was full: it has the fewest free pools, so it goes first.
      ao.nextarena = this.usableArenas;
      ao.prevarena = null;
      if (this.usableArenas) this.usableArenas.prevarena = ao;
      this.usableArenas = ao;
      if (!this.nfp2lasta[1]) this.nfp2lasta[1] = ao;
      return;
    }
    // Case 3: move it after the last arena with as many free pools as it had before.
    if (!this.nfp2lasta[nf]) this.nfp2lasta[nf] = ao;
    if (ao === lastnf) return;
    if (ao.prevarena !== null) ao.prevarena.nextarena = ao.nextarena;
    else this.usableArenas = ao.nextarena;
    ao.nextarena!.prevarena = ao.prevarena;
    ao.prevarena = lastnf;
    ao.nextarena = lastnf!.nextarena;
    if (ao.nextarena !== null) ao.nextarena.prevarena = ao;
    lastnf!.nextarena = ao;
  }

  private freeArena(ao: Arena): void {
    for (const p of ao.pools) this.poolAt[this.poolNumber(p.address)] = undefined;
    this.arenas.splice(this.arenas.indexOf(ao), 1);
    this.freedArenaAddresses.push(ao.address);
    ao.nextarena = ao.prevarena = null;
  }

  private systemMalloc(size: number): number {
    this.inUse += size;
    this.allocatedBlocks++;
    const reuse = this.systemFree.get(size);
    const at = reuse && reuse.length ? reuse.pop()! : this.systemNext;
    if (at === this.systemNext) this.systemNext += Math.ceil((size + 16) / 16) * 16; // glibc's chunk header
    this.systemLive.set(at, size);
    return at;
  }

  private systemFreeBlock(address: number, size: number): void {
    const known = this.systemLive.get(address);
    if (known === undefined) return;
    this.systemLive.delete(address);
    this.inUse -= known;
    this.allocatedBlocks--;
    let list = this.systemFree.get(known);
    if (!list) this.systemFree.set(known, (list = []));
    list.push(address);
    void size;
  }

  /** _PyObject_Realloc's pymalloc rule (pymalloc_realloc): a block keeps its place if the new size still fits its
   *  class and uses more than three quarters of it; otherwise a new block, then the old one freed. */
  realloc(address: number, oldSize: number, newSize: number): number {
    if (address === 0) return newSize > 0 ? this.malloc(newSize) : 0;
    if (newSize <= 0) {
      this.freeBlock(address, oldSize);
      return 0;
    }
    const pool = this.poolOf(address);
    if (pool && oldSize <= SMALL_REQUEST_THRESHOLD) {
      const size = this.classSize(pool.szidx);
      if (newSize <= size && 4 * newSize > 3 * size) return address;
    }
    const to = this.malloc(newSize);
    this.freeBlock(address, oldSize);
    return to;
  }

  /** usable_arenas in order (the arenas with free pools, fewest first), for the panel and the tests. */
  usableArenaOrder(): Arena[] {
    const out: Arena[] = [];
    for (let a = this.usableArenas; a; a = a.nextarena) out.push(a);
    return out;
  }

  /** The arenas, pools and blocks, for the heap panel. */
  view(): ArenaView[] {
    return this.arenas.map((a) => ({
      address: a.address,
      ntotalpools: a.ntotalpools,
      nfreepools: a.nfreepools,
      pools: a.pools.filter((p) => p.count > 0).map((p) => {
        const blockSize = this.classSize(p.szidx);
        return {
          address: p.address, sizeClass: p.szidx, blockSize, used: p.count,
          capacity: Math.floor((this.layout.poolSize - this.layout.poolOverhead) / blockSize), // NUMBLOCKS
        };
      }),
    }));
  }

  /** Totals over the arenas (what _PyObject_DebugMallocStats prints, in short). */
  stats(): AllocatorStats {
    let pools = 0;
    let blocks = 0;
    let blockBytes = 0;
    for (const a of this.arenas) {
      for (const p of a.pools) {
        if (p.count === 0) continue;
        pools++;
        blocks += p.count;
        blockBytes += p.count * this.classSize(p.szidx);
      }
    }
    let systemBytes = 0;
    for (const s of this.systemLive.values()) systemBytes += s;
    return {
      arenas: this.arenas.length, pools, blocks, blockBytes,
      freeBytesInPools: pools * this.layout.poolSize - blockBytes,
      systemBlocks: this.systemLive.size, systemBytes,
    };
  }
}
