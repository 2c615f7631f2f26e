import type { Presentation } from "./Presentation.ts"

/**
 * The word problem of a presentation — are two paths equal? — by Knuth–Bendix completion
 * with the shortlex order.
 *
 * Why Knuth–Bendix and not congruence closure / e-graphs: congruence closure decides equality
 * only among the finitely many terms it has been shown, so enumerating a hom-set (where the
 * candidates are all paths, an infinite set) needs extra bounds and re-saturation. A *complete*
 * rewriting system gives a normal form for every path, computed locally, and the normal forms
 * are exactly the irreducible paths — a prefix-closed set — so hom-sets are enumerated by a
 * breadth-first search that never revisits an arrow. Completion may not terminate (e.g. the
 * positive braid monoid ⟨a, b | aba = bab⟩ has no finite complete system on {a, b}), so it runs
 * under a bound and says so: {@link Completion} is `Complete` or `Incomplete`, never a hang.
 *
 * Paths are words over the generators in diagram order. Every rule `l → r` has parallel sides,
 * and rewriting a factor of a well-typed path with a parallel one keeps it well typed; overlaps
 * of two well-typed words share a non-empty factor, so critical pairs are well typed too. Hence
 * ordinary string rewriting is sound here: the typing needs no extra bookkeeping.
 *
 * Order: shortlex — shorter first, then lexicographic on generator ids. It is a well-order
 * compatible with concatenation, so every rule shortens a word or keeps its length while making
 * it lexicographically smaller, and normalization terminates.
 *
 * Words are encoded one UTF-16 code unit per generator (`0x100 + id`) so that factor search and
 * comparison run on native strings; JavaScript's `<` on such strings is the lexicographic order
 * on ids.
 *
 * @since 0.1.0
 */

/** One oriented rule `lhs → rhs` on encoded words. @since 0.1.0 @category model */
export interface RewriteRule {
  readonly lhs: string
  readonly rhs: string
}

/**
 * A set of rules with the normal-form function. Complete (terminating and confluent) when it
 * comes from a `Complete` completion: then two paths are equal iff their normal forms are.
 *
 * @since 0.1.0
 * @category model
 */
export interface RewritingSystem {
  readonly rules: ReadonlyArray<RewriteRule>
  /** The length of the longest left-hand side (0 when there are no rules). */
  readonly longestLhs: number
  /** Rewrites until no rule applies (the result is shortlex-minimal in its class when complete). */
  readonly normalForm: (word: string) => string
  /** Whether some rule applies to the word. */
  readonly reducible: (word: string) => boolean
}

/**
 * The budget of completion; passing one gives `Incomplete`. The effort bounds (rules, steps,
 * total rule length) decide the verdict deterministically; the deadline is a backstop against
 * a slow machine or a pathological presentation, so a verdict on it may depend on the machine.
 *
 * @since 0.1.0
 * @category model
 */
export interface CompletionBounds {
  /** Most rules alive at once. */
  readonly maxRules: number
  /** Most equations (input or critical pairs) processed. */
  readonly maxSteps: number
  /** Most letters in all rules alive at once (Σ |lhs| + |rhs|): bounds memory and the cost of each step. */
  readonly maxTotalLength: number
  /**
   * Most letters read by normalization during completion (each letter of a word or of a
   * right side pushed back by a rewrite counts once): the deterministic measure of effort.
   */
  readonly maxWork: number
  /** Wall-clock milliseconds of completion before giving up. */
  readonly deadlineMs: number
}

/**
 * The default budget of Knuth–Bendix completion: 2000 rules, 200 000 steps, 1 000 000 letters
 * in all rules, 10 000 000 letters rewritten, 5 s. Presentations that complete (finite groups up to a few thousand elements,
 * ℤ/n up to n ≈ 500 000) finish far inside it; ones whose completion is infinite for shortlex
 * (B3+, the (2,3,6) triangle group) hit an effort bound in well under a second.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultCompletionBounds: CompletionBounds = {
  maxRules: 2000,
  maxSteps: 200_000,
  maxTotalLength: 1_000_000,
  maxWork: 10_000_000,
  deadlineMs: 5000,
}

/**
 * Options of {@link complete}: any bound left out takes its default; `clock` (milliseconds,
 * default `performance.now`) is there so tests can drive the deadline.
 *
 * @since 0.1.0
 * @category model
 */
export interface CompletionOptions extends Partial<CompletionBounds> {
  /**
   * Weights of generators by name for the weighted shortlex order ("wtlex" in kbmag): words
   * compare by total weight, then lexicographically. Positive integers; a generator left out
   * weighs 1, so no weights is shortlex. Use it where shortlex orients a relation the wrong way
   * for completion (e.g. to rewrite a generator into a word of others).
   */
  readonly weights?: Readonly<Record<string, number>>
  /** Milliseconds since some fixed moment, read to enforce the deadline (default `performance.now`). */
  readonly clock?: () => number
}

/** How much work completion did. @since 0.1.0 @category model */
export interface CompletionStats {
  readonly steps: number
  readonly rulesAdded: number
  /** Critical pairs formed (after dropping composite and trivially equal ones). */
  readonly criticalPairs: number
  /** Overlaps skipped as composite (their word has a redex strictly inside). */
  readonly compositeSkipped: number
  /** Rules alive and their total length when completion stopped. */
  readonly rules: number
  readonly totalLength: number
  /** Letters read by normalization (see {@link CompletionBounds.maxWork}). */
  readonly work: number
  /** Wall-clock milliseconds spent. */
  readonly elapsedMs: number
}

/** Which budget stopped completion. @since 0.1.0 @category model */
export type CompletionLimit = "rules" | "steps" | "totalLength" | "work" | "deadline"

/**
 * The outcome of Knuth–Bendix completion.
 *
 * `Incomplete` keeps the rules found so far: equal normal forms still prove two paths equal,
 * but different normal forms prove nothing. `pending` is the equation (input or critical pair,
 * as generator ids, diagram order) that was being processed when the budget ran out.
 *
 * @since 0.1.0
 * @category model
 */
export type Completion =
  | { readonly _tag: "Complete"; readonly system: RewritingSystem; readonly stats: CompletionStats }
  | {
      readonly _tag: "Incomplete"
      readonly reason: CompletionLimit
      readonly bounds: CompletionBounds
      readonly system: RewritingSystem
      readonly stats: CompletionStats
      readonly pending: { readonly lhs: ReadonlyArray<number>; readonly rhs: ReadonlyArray<number> } | undefined
    }

/**
 * What stopped completion, in words: `stopped on the rules bound (2000) …`.
 *
 * @since 0.1.0
 * @category destructors
 */
export const showCompletionLimit = (c: Extract<Completion, { _tag: "Incomplete" }>): string => {
  const b = c.bounds
  const limit =
    c.reason === "rules"
      ? `the rules bound (${b.maxRules} rules)`
      : c.reason === "steps"
        ? `the steps bound (${b.maxSteps} equations processed)`
        : c.reason === "totalLength"
          ? `the total-length bound (${b.maxTotalLength} letters in all rules)`
          : c.reason === "work"
            ? `the work bound (${b.maxWork} letters rewritten)`
            : `the deadline (${b.deadlineMs} ms)`
  const st = c.stats
  return `stopped on ${limit} after ${st.steps} steps with ${st.rules} rules of total length ${st.totalLength} (${st.rulesAdded} added, ${st.criticalPairs} critical pairs, ${Math.round(st.elapsedMs)} ms)`
}

const BASE = 0x100

/** Encodes generator ids as a string, one code unit each. @since 0.1.0 @category constructors */
export const encodeWord = (word: ReadonlyArray<number>): string => {
  let s = ""
  for (const a of word) s += String.fromCharCode(BASE + a)
  return s
}

/** Decodes an encoded word into generator ids. @since 0.1.0 @category destructors */
export const decodeWord = (s: string): number[] => {
  const word = new Array<number>(s.length)
  for (let i = 0; i < s.length; i++) word[i] = s.charCodeAt(i) - BASE
  return word
}

/** The generator id of the character at `i`. @since 0.1.0 @category destructors */
export const letterAt = (s: string, i: number): number => s.charCodeAt(i) - BASE

/** The code unit of generator `a`. @since 0.1.0 @category constructors */
export const letter = (a: number): string => String.fromCharCode(BASE + a)

/**
 * Weighted shortlex comparison (negative when `u < v`): total weight first (`weights[id]`,
 * positive integers), then lexicographic. A well-order compatible with concatenation, like
 * shortlex, which it is when every weight is 1.
 *
 * @since 0.1.0
 * @category ordering
 */
export const weightedShortlex =
  (weights: ReadonlyArray<number>) =>
  (u: string, v: string): number => {
    let wu = 0
    let wv = 0
    for (let i = 0; i < u.length; i++) wu += weights[u.charCodeAt(i) - BASE] ?? 1
    for (let i = 0; i < v.length; i++) wv += weights[v.charCodeAt(i) - BASE] ?? 1
    return wu !== wv ? wu - wv : shortlex(u, v)
  }

/**
 * Shortlex comparison: negative when `u < v`.
 *
 * @since 0.1.0
 * @category ordering
 */
export const shortlex = (u: string, v: string): number =>
  u.length !== v.length ? u.length - v.length : u < v ? -1 : u > v ? 1 : 0

/**
 * An Aho–Corasick automaton over the left-hand sides, as a complete transition table (a DFA on
 * the letters that occur in some left side; any other letter leads back to the start state).
 * `match[state]` is a rule whose left side is a suffix of the text read so far (or −1). Built
 * in time (total length of the left sides) × (letters), which is small next to completion.
 */
interface Automaton {
  /** `delta[state * letters + letter]`, or empty when the table would be too large (see `sparse`). */
  readonly delta: Int32Array
  readonly letters: number
  /** For many letters × many states: trie children and failure links, followed at each step. */
  readonly sparse: { readonly next: ReadonlyArray<Map<number, number>>; readonly fail: Int32Array } | undefined
  readonly match: Int32Array
}

const automaton = (rules: ReadonlyArray<RewriteRule>): Automaton => {
  let letters = 0
  let size = 1
  for (const r of rules) {
    size += r.lhs.length
    for (let j = 0; j < r.lhs.length; j++) letters = Math.max(letters, r.lhs.charCodeAt(j) - BASE + 1)
  }
  if (size * letters > DENSE_LIMIT) return sparseAutomaton(rules, letters)
  // The trie first (children in the table, 0 = none: the start state is never a child).
  let delta = new Int32Array(size * letters)
  const terminal = new Int32Array(size).fill(-1)
  let states = 1
  rules.forEach((r, i) => {
    let s = 0
    for (let j = 0; j < r.lhs.length; j++) {
      const at = s * letters + r.lhs.charCodeAt(j) - BASE
      let t = delta[at] as number
      if (t === 0) {
        t = states++
        delta[at] = t
      }
      s = t
    }
    if ((terminal[s] as number) < 0) terminal[s] = i
  })
  delta = delta.slice(0, states * letters)
  const fail = new Int32Array(states)
  const match = new Int32Array(states)
  match[0] = -1
  // Breadth-first: a state's failure state is complete before its own row is filled in.
  const order = new Int32Array(states)
  let head = 0
  let tail = 0
  for (let c = 0; c < letters; c++) {
    const t = delta[c] as number
    if (t !== 0) {
      fail[t] = 0
      match[t] = terminal[t] as number
      order[tail++] = t
    }
  }
  while (head < tail) {
    const s = order[head++] as number
    const f = fail[s] as number
    for (let c = 0; c < letters; c++) {
      const t = delta[s * letters + c] as number
      if (t === 0) {
        delta[s * letters + c] = delta[f * letters + c] as number
        continue
      }
      const g = delta[f * letters + c] as number
      fail[t] = g
      match[t] = (terminal[t] as number) >= 0 ? (terminal[t] as number) : (match[g] as number)
      order[tail++] = t
    }
  }
  return { delta, letters, match, sparse: undefined }
}

/** Most cells of a complete transition table (64 MiB of Int32); beyond it the automaton is sparse. */
const DENSE_LIMIT = 1 << 24

const sparseAutomaton = (rules: ReadonlyArray<RewriteRule>, letters: number): Automaton => {
  const next: Array<Map<number, number>> = [new Map()]
  const terminal: number[] = [-1]
  rules.forEach((r, i) => {
    let s = 0
    for (let j = 0; j < r.lhs.length; j++) {
      const c = r.lhs.charCodeAt(j) - BASE
      const children = next[s] as Map<number, number>
      let t = children.get(c)
      if (t === undefined) {
        t = next.length
        next.push(new Map())
        terminal.push(-1)
        children.set(c, t)
      }
      s = t
    }
    if ((terminal[s] as number) < 0) terminal[s] = i
  })
  const fail = new Int32Array(next.length)
  const match = new Int32Array(next.length)
  match[0] = -1
  const order: number[] = []
  for (const t of (next[0] as Map<number, number>).values()) {
    match[t] = terminal[t] as number
    order.push(t)
  }
  for (let head = 0; head < order.length; head++) {
    const s = order[head] as number
    for (const [c, t] of next[s] as Map<number, number>) {
      let f = fail[s] as number
      while (f !== 0 && !(next[f] as Map<number, number>).has(c)) f = fail[f] as number
      const g = (next[f] as Map<number, number>).get(c) ?? 0
      fail[t] = g
      match[t] = (terminal[t] as number) >= 0 ? (terminal[t] as number) : (match[g] as number)
      order.push(t)
    }
  }
  return { delta: new Int32Array(0), letters, match, sparse: { next, fail } }
}

const step = (a: Automaton, s: number, code: number): number => {
  const c = code - BASE
  if (c >= a.letters) return 0
  const sparse = a.sparse
  if (sparse === undefined) return a.delta[s * a.letters + c] as number
  for (;;) {
    const t = (sparse.next[s] as Map<number, number>).get(c)
    if (t !== undefined) return t
    if (s === 0) return 0
    s = sparse.fail[s] as number
  }
}

/** A string from code units, in chunks (one call on a long array overflows the stack). */
const fromCodes = (codes: Uint16Array, length: number): string => {
  let out = ""
  for (let i = 0; i < length; i += 8192) {
    out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + 8192)) as unknown as number[])
  }
  return out
}

/**
 * A rewriting system from oriented rules. Reduction runs an Aho–Corasick automaton over the
 * left sides and keeps the automaton state after every letter of the output: after a rewrite
 * the scan resumes from the state before the redex, so normalizing a word costs time linear in
 * the letters read plus the letters the rewrites produce (x¹⁰⁰⁰⁰⁰ → 1 is one pass).
 *
 * @since 0.1.0
 * @category constructors
 */
export const rewritingSystem = (rules: ReadonlyArray<RewriteRule>, meter?: { letters: number }): RewritingSystem => {
  let longestLhs = 0
  for (const r of rules) if (r.lhs.length > longestLhs) longestLhs = r.lhs.length
  let built: Automaton | undefined
  const ac = (): Automaton => (built ??= automaton(rules))
  let scratchIn = new Uint16Array(64)
  let scratchOut = new Uint16Array(64)
  let scratchStates = new Int32Array(65)
  const normalForm = (word: string): string => {
    if (rules.length === 0) return word
    const a = ac()
    // Input still to read, last letter on top; output letters and the state after each.
    // The buffers are kept between calls (normalization is not re-entrant).
    if (scratchIn.length < word.length) scratchIn = new Uint16Array(word.length * 2)
    let input = scratchIn
    let top = 0
    for (let i = word.length - 1; i >= 0; i--) input[top++] = word.charCodeAt(i)
    let out = scratchOut
    let states = scratchStates
    states[0] = 0
    let n = 0
    let changed = false
    let read = 0
    while (top > 0) {
      read++
      const c = input[--top] as number
      const s = step(a, states[n] as number, c)
      if (n + 1 >= out.length) {
        const o2 = new Uint16Array(out.length * 2)
        o2.set(out)
        out = o2
        const s2 = new Int32Array(states.length * 2)
        s2.set(states)
        states = s2
      }
      out[n++] = c
      states[n] = s
      const r = a.match[s] as number
      if (r >= 0) {
        const rule = rules[r] as RewriteRule
        n -= rule.lhs.length
        const rhs = rule.rhs
        if (top + rhs.length > input.length) {
          const i2 = new Uint16Array(Math.max(input.length * 2, top + rhs.length))
          i2.set(input)
          input = i2
        }
        for (let j = rhs.length - 1; j >= 0; j--) input[top++] = rhs.charCodeAt(j)
        changed = true
      }
    }
    scratchIn = input
    scratchOut = out
    scratchStates = states
    if (meter !== undefined) meter.letters += read
    return changed ? fromCodes(out, n) : word
  }
  const reducible = (w: string): boolean => {
    if (rules.length === 0) return false
    const a = ac()
    let s = 0
    for (let i = 0; i < w.length; i++) {
      s = step(a, s, w.charCodeAt(i))
      if ((a.match[s] as number) >= 0) return true
    }
    return false
  }
  return { rules, longestLhs, normalForm, reducible }
}

/** `border[i]`: the longest proper border of `s[0, i]` (the KMP failure function). */
const borders = (s: string): Int32Array => {
  const b = new Int32Array(s.length + 1)
  b[0] = -1
  let k = -1
  for (let i = 0; i < s.length; i++) {
    while (k >= 0 && s.charCodeAt(k) !== s.charCodeAt(i)) k = b[k] as number
    b[i + 1] = ++k
  }
  return b
}

/** A rule with what the critical-pair search needs of its left side. */
interface IndexedRule extends RewriteRule {
  readonly border: Int32Array
  /** The smallest period of the left side. */
  readonly period: number
}

const indexed = (r: RewriteRule): IndexedRule => {
  const border = borders(r.lhs)
  return { ...r, border, period: r.lhs.length - (border[r.lhs.length] as number) }
}

/**
 * The critical pairs of `r1` (left) overlapping `r2` (right): every k with 0 < k < min(|l1|, |l2|)
 * where the last k letters of l1 are the first k of l2, found by running l1 through l2's KMP
 * automaton (time |l1| + |l2|), then the chain of borders.
 *
 * An overlap k is skipped when k + p (p the smallest period of l2) is an overlap too: then l2
 * occurs strictly inside the overlap word l1·l2[k:] (at |l1| − k − p), so the pair is
 * *composite* and joinable once the prime ones are (Kapur–Musser–Narendran: only prime
 * superpositions need be considered). For xⁿ → 1 this leaves one overlap of n − 1.
 *
 * Inclusions (l2 a factor of l1) are not formed: completion keeps every left side irreducible
 * by the others (see {@link complete}), so there are none.
 */
const overlaps = (
  r1: IndexedRule,
  r2: IndexedRule,
  out: Array<readonly [string, string]>,
  counters: { composite: number },
): void => {
  const l1 = r1.lhs
  const l2 = r2.lhs
  const most = Math.min(l1.length, l2.length) - 1
  if (most < 1) return
  // Longest suffix of l1 that is a proper prefix of l2 (a match of all of l2 is cut back).
  let k = 0
  const b = r2.border
  for (let i = Math.max(0, l1.length - l2.length); i < l1.length; i++) {
    const c = l1.charCodeAt(i)
    while (k > 0 && (k === l2.length || l2.charCodeAt(k) !== c)) k = b[k] as number
    if (l2.charCodeAt(k) === c) k++
  }
  while (k > most) k = b[k] as number
  const found: number[] = []
  for (; k > 0; k = b[k] as number) found.push(k)
  if (found.length === 0) return
  const isOverlap = new Set(found)
  for (const k of found) {
    if (isOverlap.has(k + r2.period) && k + r2.period <= most) {
      counters.composite++
      continue
    }
    const left = r1.rhs + l2.slice(k)
    const right = l1.slice(0, l1.length - k) + r2.rhs
    if (left !== right) out.push([left, right])
  }
}

/** The prime critical pairs of `r1` over each of `rules` that do not join under `system` (counted in `counters`). */
const unjoinedWith = (
  r1: IndexedRule,
  rules: ReadonlyArray<IndexedRule>,
  system: RewritingSystem,
  counters: { composite: number; pairs: number },
): Array<readonly [string, string]> => {
  const found: Array<readonly [string, string]> = []
  for (const r2 of rules) overlaps(r1, r2, found, counters)
  counters.pairs += found.length
  return found.filter(([s, t]) => system.normalForm(s) !== system.normalForm(t))
}

/**
 * The prime critical pairs of a rule set that do not join: for each overlap of two left sides
 * whose two one-step rewrites reach different normal forms, those two rewrites. Empty exactly
 * when the rules are locally confluent, which for terminating rules (each left side above its
 * right side in a reduction order, e.g. shortlex) is confluence by Newman's lemma. Meant for sets
 * whose left sides do not contain one another, as {@link complete} keeps them; it is the check
 * completion runs on its final system before answering `Complete`.
 *
 * @example
 * import { encodeWord, unjoinedCriticalPairs } from "catcluster/category/fincat"
 * // ab → a and ba → b: aba rewrites to aa and to ab → a, two normal forms
 * unjoinedCriticalPairs([{ lhs: encodeWord([0, 1]), rhs: encodeWord([0]) }, { lhs: encodeWord([1, 0]), rhs: encodeWord([1]) }]).length // 2
 *
 * @since 0.1.0
 * @category destructors
 */
export const unjoinedCriticalPairs = (rules: ReadonlyArray<RewriteRule>): Array<readonly [string, string]> => {
  const all = rules.map(indexed)
  const system = rewritingSystem(rules)
  const counters = { composite: 0, pairs: 0 }
  return all.flatMap((r1) => unjoinedWith(r1, all, system, counters))
}

/**
 * Knuth–Bendix completion of the presentation's equations under shortlex (or weighted
 * shortlex, `options.weights`), within a budget
 * ({@link CompletionBounds}; every bound left out of `options` takes its default).
 *
 * Equations are processed first in, first out (fair): each is normalized with the current rules,
 * oriented by the order, and added; rules whose left side the new rule rewrites are taken out and
 * re-queued, right sides the new rule rewrites are re-normalized (inter-reduction), and the new
 * rule's prime critical pairs with every rule (both ways) are queued. When the queue is empty,
 * the prime critical pairs of the final system are checked once more, so a `Complete` answer is
 * a locally confluent terminating system (hence complete).
 *
 * @example
 * import { complete, presentation } from "catcluster/category/fincat"
 * const p = presentation({ objects: ["A"], arrows: [{ name: "x", dom: "A", cod: "A" }],
 *   equations: [{ lhs: ["x", "x", "x"], rhs: ["x"] }] })
 * complete(p)._tag // "Complete"
 * const braid = presentation({ objects: ["*"], arrows: [{ name: "a", dom: "*", cod: "*" }, { name: "b", dom: "*", cod: "*" }],
 *   equations: [{ lhs: ["a", "b", "a"], rhs: ["b", "a", "b"] }] })
 * complete(braid, { maxRules: 40 }) // Incomplete, reason "rules": B3+ has no finite shortlex system
 *
 * @since 0.1.0
 * @category constructors
 */
export const complete = (p: Presentation, options: CompletionOptions = {}): Completion => {
  const bounds: CompletionBounds = {
    maxRules: options.maxRules ?? defaultCompletionBounds.maxRules,
    maxSteps: options.maxSteps ?? defaultCompletionBounds.maxSteps,
    maxTotalLength: options.maxTotalLength ?? defaultCompletionBounds.maxTotalLength,
    maxWork: options.maxWork ?? defaultCompletionBounds.maxWork,
    deadlineMs: options.deadlineMs ?? defaultCompletionBounds.deadlineMs,
  }
  const clock = options.clock ?? (() => performance.now())
  const weights = options.weights
  let order = shortlex
  if (weights !== undefined) {
    for (const [name, w] of Object.entries(weights)) {
      if (!p.generators.includes(name)) throw new RangeError(`completion weights: '${name}' is not a generator of ${p.name}`)
      if (!Number.isInteger(w) || w < 1) throw new RangeError(`completion weights: the weight of '${name}' must be a positive integer, not ${w}`)
    }
    order = weightedShortlex(p.generators.map((g) => weights[g] ?? 1))
  }
  const started = clock()
  const meter = { letters: 0 }
  let rules: IndexedRule[] = []
  let system = rewritingSystem(rules, meter)
  const queue: Array<readonly [string, string]> = p.equations.map((e) => [encodeWord(e.lhs), encodeWord(e.rhs)] as const)
  let head = 0
  let steps = 0
  let rulesAdded = 0
  let totalLength = 0
  const counters = { composite: 0, pairs: 0 }
  const stats = (): CompletionStats => ({
    steps,
    rulesAdded,
    criticalPairs: counters.pairs,
    compositeSkipped: counters.composite,
    rules: rules.length,
    totalLength,
    work: meter.letters,
    elapsedMs: clock() - started,
  })
  const incomplete = (reason: CompletionLimit, pending: readonly [string, string] | undefined): Completion => ({
    _tag: "Incomplete",
    reason,
    bounds,
    system,
    stats: stats(),
    pending: pending === undefined ? undefined : { lhs: decodeWord(pending[0]), rhs: decodeWord(pending[1]) },
  })
  const pastDeadline = (): boolean => clock() - started > bounds.deadlineMs
  for (;;) {
    while (head < queue.length) {
      const pair = queue[head++] as readonly [string, string]
      if (++steps > bounds.maxSteps) return incomplete("steps", pair)
      if ((steps & 63) === 0 && pastDeadline()) return incomplete("deadline", pair)
      const u = system.normalForm(pair[0])
      const v = system.normalForm(pair[1])
      if (meter.letters > bounds.maxWork) return incomplete("work", pair)
      if (u === v) continue
      const rule = indexed(order(u, v) > 0 ? { lhs: u, rhs: v } : { lhs: v, rhs: u })
      const kept: IndexedRule[] = []
      for (const r of rules) {
        // A rule whose left side the new rule rewrites is redundant as a rule: re-queue it.
        if (r.lhs.includes(rule.lhs)) {
          queue.push([r.lhs, r.rhs])
          totalLength -= r.lhs.length + r.rhs.length
        } else kept.push(r)
      }
      rulesAdded++
      totalLength += rule.lhs.length + rule.rhs.length
      if (kept.length + 1 > bounds.maxRules || totalLength > bounds.maxTotalLength) {
        rules = [...kept, rule]
        system = rewritingSystem(rules, meter)
        return incomplete(kept.length + 1 > bounds.maxRules ? "rules" : "totalLength", pair)
      }
      const withRule = rewritingSystem([...kept, rule], meter)
      // Right sides stay normal (inter-reduction keeps the system small).
      rules = kept.map((r) => {
        if (!r.rhs.includes(rule.lhs)) return r
        const rhs = withRule.normalForm(r.rhs)
        totalLength += rhs.length - r.rhs.length
        return { ...r, rhs }
      })
      rules.push(rule)
      system = rewritingSystem(rules, meter)
      const found: Array<readonly [string, string]> = []
      for (let i = 0; i < rules.length; i++) {
        const r = rules[i] as IndexedRule
        overlaps(rule, r, found, counters)
        if (r !== rule) overlaps(r, rule, found, counters)
        if ((i & 255) === 255 && pastDeadline()) return incomplete("deadline", pair)
      }
      counters.pairs += found.length
      for (const f of found) queue.push(f)
    }
    // Final check: every prime critical pair of the final system joins (else back to the queue).
    let open = false
    for (const r1 of rules) {
      const unjoined = unjoinedWith(r1, rules, system, counters)
      for (const pair of unjoined) queue.push(pair)
      if (unjoined.length > 0) open = true
      if (meter.letters > bounds.maxWork) return incomplete("work", undefined)
      if (pastDeadline()) return incomplete("deadline", undefined)
    }
    if (!open) return { _tag: "Complete", system, stats: stats() }
  }
}
