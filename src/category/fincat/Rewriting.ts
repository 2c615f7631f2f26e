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

/** Bounds on completion; exceeding one gives `Incomplete`. @since 0.1.0 @category model */
export interface CompletionBounds {
  /** Most rules alive at once. */
  readonly maxRules: number
  /** Most equations (input or critical pairs) processed. */
  readonly maxSteps: number
}

/** The default bounds of Knuth–Bendix completion: 2000 rules, 200 000 steps. @since 0.1.0 @category constants */
export const defaultCompletionBounds: CompletionBounds = { maxRules: 2000, maxSteps: 200_000 }

/** How much work completion did. @since 0.1.0 @category model */
export interface CompletionStats {
  readonly steps: number
  readonly rulesAdded: number
  readonly criticalPairs: number
}

/**
 * The outcome of Knuth–Bendix completion.
 *
 * `Incomplete` keeps the rules found so far: equal normal forms still prove two paths equal,
 * but different normal forms prove nothing.
 *
 * @since 0.1.0
 * @category model
 */
export type Completion =
  | { readonly _tag: "Complete"; readonly system: RewritingSystem; readonly stats: CompletionStats }
  | {
      readonly _tag: "Incomplete"
      readonly reason: "rules" | "steps"
      readonly bounds: CompletionBounds
      readonly system: RewritingSystem
      readonly stats: CompletionStats
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
 * Shortlex comparison: negative when `u < v`.
 *
 * @since 0.1.0
 * @category ordering
 */
export const shortlex = (u: string, v: string): number =>
  u.length !== v.length ? u.length - v.length : u < v ? -1 : u > v ? 1 : 0

/**
 * A rewriting system from oriented rules. Rules are indexed by their first letter and the word
 * is scanned left to right, resuming just before the last rewrite, so normalization does not
 * rescan the whole word after each step.
 *
 * @since 0.1.0
 * @category constructors
 */
export const rewritingSystem = (rules: ReadonlyArray<RewriteRule>): RewritingSystem => {
  const byFirst = new Map<number, RewriteRule[]>()
  let longestLhs = 0
  for (const r of rules) {
    const c = r.lhs.charCodeAt(0)
    const bucket = byFirst.get(c)
    if (bucket === undefined) byFirst.set(c, [r])
    else bucket.push(r)
    if (r.lhs.length > longestLhs) longestLhs = r.lhs.length
  }
  const matchAt = (w: string, i: number): RewriteRule | undefined => {
    const bucket = byFirst.get(w.charCodeAt(i))
    if (bucket === undefined) return undefined
    for (const r of bucket) if (w.startsWith(r.lhs, i)) return r
    return undefined
  }
  const normalForm = (word: string): string => {
    let w = word
    let i = 0
    while (i < w.length) {
      const r = matchAt(w, i)
      if (r === undefined) {
        i++
        continue
      }
      w = w.slice(0, i) + r.rhs + w.slice(i + r.lhs.length)
      // A new redex can only start within one lhs-length before the rewritten spot.
      i = Math.max(0, i - longestLhs + 1)
    }
    return w
  }
  const reducible = (w: string): boolean => {
    for (let i = 0; i < w.length; i++) if (matchAt(w, i) !== undefined) return true
    return false
  }
  return { rules, longestLhs, normalForm, reducible }
}

/** Every critical pair of `r1` (left) with `r2` (right): overlaps and inclusions. */
const criticalPairs = (r1: RewriteRule, r2: RewriteRule, out: Array<readonly [string, string]>): void => {
  const l1 = r1.lhs
  const l2 = r2.lhs
  // Overlap: a proper suffix of l1 is a proper prefix of l2; the word l1·l2[k:] rewrites two ways.
  const most = Math.min(l1.length, l2.length) - 1
  for (let k = 1; k <= most; k++) {
    if (l1.endsWith(l2.slice(0, k))) {
      out.push([r1.rhs + l2.slice(k), l1.slice(0, l1.length - k) + r2.rhs])
    }
  }
  // Inclusion: l2 is a factor of l1 (other than l1 itself being the same rule).
  if (r1 !== r2) {
    let at = l1.indexOf(l2)
    while (at >= 0) {
      out.push([r1.rhs, l1.slice(0, at) + r2.rhs + l1.slice(at + l2.length)])
      at = l1.indexOf(l2, at + 1)
    }
  }
}

/**
 * Knuth–Bendix completion of the presentation's equations under shortlex, within `bounds`.
 *
 * Equations are processed first in, first out (fair): each is normalized with the current rules,
 * oriented by shortlex, and added; rules whose left side the new rule rewrites are taken out and
 * re-queued, right sides are re-normalized, and the new rule's critical pairs with every rule
 * are queued. When the queue is empty, all critical pairs of the final system are checked once
 * more, so a `Complete` answer is a locally confluent terminating system (hence complete).
 *
 * @example
 * import { complete, presentation } from "catcluster/category/fincat"
 * const p = presentation({ objects: ["A"], arrows: [{ name: "x", dom: "A", cod: "A" }],
 *   equations: [{ lhs: ["x", "x", "x"], rhs: ["x"] }] })
 * complete(p)._tag // "Complete"
 *
 * @since 0.1.0
 * @category constructors
 */
export const complete = (p: Presentation, bounds: CompletionBounds = defaultCompletionBounds): Completion => {
  let rules: RewriteRule[] = []
  let system = rewritingSystem(rules)
  const queue: Array<readonly [string, string]> = p.equations.map((e) => [encodeWord(e.lhs), encodeWord(e.rhs)] as const)
  let head = 0
  let steps = 0
  let rulesAdded = 0
  let pairs = 0
  const stats = (): CompletionStats => ({ steps, rulesAdded, criticalPairs: pairs })
  const incomplete = (reason: "rules" | "steps"): Completion => ({
    _tag: "Incomplete",
    reason,
    bounds,
    system,
    stats: stats(),
  })
  for (;;) {
    while (head < queue.length) {
      const [s, t] = queue[head++] as readonly [string, string]
      if (++steps > bounds.maxSteps) return incomplete("steps")
      const u = system.normalForm(s)
      const v = system.normalForm(t)
      if (u === v) continue
      const rule: RewriteRule = shortlex(u, v) > 0 ? { lhs: u, rhs: v } : { lhs: v, rhs: u }
      const kept: RewriteRule[] = []
      for (const r of rules) {
        // A rule whose left side the new rule rewrites is redundant as a rule: re-queue it.
        if (r.lhs.includes(rule.lhs)) queue.push([r.lhs, r.rhs])
        else kept.push(r)
      }
      rulesAdded++
      if (kept.length + 1 > bounds.maxRules) {
        system = rewritingSystem([...kept, rule])
        return incomplete("rules")
      }
      const withRule = rewritingSystem([...kept, rule])
      // Right sides stay normal (inter-reduction keeps the system small).
      rules = [...kept.map((r) => ({ lhs: r.lhs, rhs: withRule.normalForm(r.rhs) })), rule]
      system = rewritingSystem(rules)
      const found: Array<readonly [string, string]> = []
      const current = rule
      for (const r of rules) {
        criticalPairs(current, r, found)
        if (r !== current) criticalPairs(r, current, found)
      }
      pairs += found.length
      for (const pair of found) queue.push(pair)
    }
    // Final check: every critical pair of the final system joins.
    const found: Array<readonly [string, string]> = []
    for (const r1 of rules) for (const r2 of rules) criticalPairs(r1, r2, found)
    pairs += found.length
    let open = false
    for (const [s, t] of found) {
      if (system.normalForm(s) !== system.normalForm(t)) {
        queue.push([s, t])
        open = true
      }
    }
    if (!open) return { _tag: "Complete", system, stats: stats() }
  }
}
