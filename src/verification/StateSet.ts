/**
 * The visited set of an explicit-state search: an open-addressing hash set over states that are
 * fixed-width vectors of 32-bit words, kept entirely in typed arrays.
 *
 * States are stored once, densely, in insertion order (`states[i·width … (i+1)·width)`), so a
 * state's *index* is its name everywhere else: the hash table holds indices, the parent array maps
 * an index to the index of the state it was first reached from (with the action label taken), and
 * a breadth-first search needs no separate queue (it walks the indices in order). Memory for a
 * one-word state: 4 B (state) + 4 B (parent) + 1 B (label) + 4–8 B (table at load ≤ ½) ≈ 13–17 B.
 *
 * Everything grows by doubling; nothing is allocated per state.
 *
 * @since 0.1.0
 */

/** Marks an empty hash-table slot. */
const EMPTY = -1

/**
 * Hashes `width` words of `words` starting at `at` (MurmurHash3's 32-bit mixing: cheap, and good
 * enough that linear probing stays short on the packed, highly regular states of a product).
 *
 * @since 0.1.0
 * @category hashing
 */
export const hashWords = (words: Int32Array, at: number, width: number): number => {
  let h = 0x9747b28c
  for (let i = 0; i < width; i++) {
    let k = Math.imul(words[at + i]!, 0xcc9e2d51)
    k = (k << 15) | (k >>> 17)
    k = Math.imul(k, 0x1b873593)
    h ^= k
    h = (h << 13) | (h >>> 19)
    h = (Math.imul(h, 5) + 0xe6546b64) | 0
  }
  h ^= width
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * The set of states seen so far, with the BFS tree (parent and action of each state).
 *
 * @example
 * import { StateSet } from "catcluster/verification"
 * const seen = new StateSet(1)
 * const s = Int32Array.of(42)
 * seen.add(s, 0, -1, 0)  // 0: new, index 0
 * seen.add(s, 0, -1, 0)  // -1: already there, at index -(-1) - 1 = 0
 *
 * @since 0.1.0
 * @category data structures
 */
export class StateSet {
  /** Number of 32-bit words per state. */
  readonly width: number
  /** Number of states stored. */
  count = 0
  /** The states, densely, in insertion order. */
  states: Int32Array
  /** `parent[i]`: the index of the state `i` was first reached from, −1 for an initial state. */
  parent: Int32Array
  /** `action[i]`: the action label of that first step (0 for an initial state). */
  action: Uint8Array
  private table: Int32Array
  private mask: number
  private readonly scratch = new Int32Array(1)

  constructor(width: number, initialCapacity = 1 << 12) {
    if (!Number.isInteger(width) || width < 1) throw new RangeError(`StateSet: width must be a positive integer, got ${width}`)
    this.width = width
    const capacity = Math.max(16, 1 << Math.ceil(Math.log2(initialCapacity)))
    this.states = new Int32Array(capacity * width)
    this.parent = new Int32Array(capacity)
    this.action = new Uint8Array(capacity)
    this.table = new Int32Array(capacity * 2).fill(EMPTY)
    this.mask = capacity * 2 - 1
  }

  /** Bytes held by the typed arrays (for reporting memory per state). */
  get bytes(): number {
    return this.states.byteLength + this.parent.byteLength + this.action.byteLength + this.table.byteLength
  }

  /**
   * Adds the state `words[at … at+width)`. Returns its new index (≥ 0) when it was not there,
   * else `−1 − index` of the existing copy (no allocation either way).
   */
  add(words: Int32Array, at: number, parent: number, action: number): number {
    const width = this.width
    const states = this.states
    const table = this.table
    const mask = this.mask
    let slot = hashWords(words, at, width) & mask
    for (;;) {
      const index = table[slot]!
      if (index === EMPTY) break
      const base = index * width
      let same = true
      for (let i = 0; i < width; i++) {
        if (states[base + i] !== words[at + i]) {
          same = false
          break
        }
      }
      if (same) return -1 - index
      slot = (slot + 1) & mask
    }
    const index = this.count
    if (index === this.parent.length) {
      this.grow()
      // the table was rebuilt: find a free slot again
      return this.insertNew(words, at, parent, action)
    }
    table[slot] = index
    for (let i = 0, base = index * width; i < width; i++) states[base + i] = words[at + i]!
    this.parent[index] = parent
    this.action[index] = action
    this.count = index + 1
    return index
  }

  /**
   * {@link add} for one-word states (the common packed case): the same contract, with the
   * comparison and hashing unrolled.
   */
  addWord(word: number, parent: number, action: number): number {
    const states = this.states
    const table = this.table
    const mask = this.mask
    let k = Math.imul(word, 0xcc9e2d51)
    k = (k << 15) | (k >>> 17)
    let h = 0x9747b28c ^ Math.imul(k, 0x1b873593)
    h = (h << 13) | (h >>> 19)
    h = (Math.imul(h, 5) + 0xe6546b64) ^ 1
    h ^= h >>> 16
    h = Math.imul(h, 0x85ebca6b)
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35)
    h ^= h >>> 16
    let slot = h & mask
    for (;;) {
      const index = table[slot]!
      if (index === EMPTY) break
      if (states[index] === word) return -1 - index
      slot = (slot + 1) & mask
    }
    const index = this.count
    if (index === this.parent.length) {
      this.scratch[0] = word
      return this.add(this.scratch, 0, parent, action)
    }
    table[slot] = index
    states[index] = word
    this.parent[index] = parent
    this.action[index] = action
    this.count = index + 1
    return index
  }

  /** Index of a state, or −1 when absent. */
  indexOf(words: Int32Array, at = 0): number {
    const width = this.width
    let slot = hashWords(words, at, width) & this.mask
    for (;;) {
      const index = this.table[slot]!
      if (index === EMPTY) return -1
      let same = true
      for (let i = 0; i < width; i++) {
        if (this.states[index * width + i] !== words[at + i]) {
          same = false
          break
        }
      }
      if (same) return index
      slot = (slot + 1) & this.mask
    }
  }

  /** The path of indices from an initial state to `index` (inclusive), following parents. */
  pathTo(index: number): number[] {
    const path: number[] = []
    for (let i = index; i >= 0; i = this.parent[i]!) path.push(i)
    return path.reverse()
  }

  private insertNew(words: Int32Array, at: number, parent: number, action: number): number {
    let slot = hashWords(words, at, this.width) & this.mask
    while (this.table[slot] !== EMPTY) slot = (slot + 1) & this.mask
    const index = this.count
    this.table[slot] = index
    for (let i = 0, base = index * this.width; i < this.width; i++) this.states[base + i] = words[at + i]!
    this.parent[index] = parent
    this.action[index] = action
    this.count = index + 1
    return index
  }

  /** Doubles the store and rebuilds the table (load stays ≤ ½). */
  private grow(): void {
    const capacity = this.parent.length * 2
    const states = new Int32Array(capacity * this.width)
    states.set(this.states)
    this.states = states
    const parent = new Int32Array(capacity)
    parent.set(this.parent)
    this.parent = parent
    const action = new Uint8Array(capacity)
    action.set(this.action)
    this.action = action
    this.table = new Int32Array(capacity * 2).fill(EMPTY)
    this.mask = capacity * 2 - 1
    const width = this.width
    for (let index = 0; index < this.count; index++) {
      let slot = hashWords(states, index * width, width) & this.mask
      while (this.table[slot] !== EMPTY) slot = (slot + 1) & this.mask
      this.table[slot] = index
    }
  }
}
