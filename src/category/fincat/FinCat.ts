import * as E from "fp-ts/lib/Either.js"
import { different, equal, type FiniteCategory } from "../Category.ts"
import type { CompositionTable } from "./CompositionTable.ts"
import {
  parsePresentation,
  showWord,
  typePath,
  type Presentation,
  type PresentationInput,
  type TypedPath,
} from "./Presentation.ts"
import { PresentationError } from "./PresentationError.ts"
import {
  complete,
  decodeWord,
  encodeWord,
  letter,
  showCompletionLimit,
  type Completion,
  type CompletionOptions,
  type RewritingSystem,
} from "./Rewriting.ts"

/**
 * FinCat: the finite category presented by objects, generating arrows and path equations,
 * enumerated and tabulated.
 *
 * 1. Knuth–Bendix completion (see `Rewriting.ts`) gives a complete rewriting system, so every
 *    arrow has exactly one normal form: the shortlex-least path in its class (least for the weighted
 *    order when `completion.weights` is given).
 * 2. Normal forms are the irreducible paths, a prefix-closed set, so a breadth-first search from
 *    each object that extends irreducible paths by one generator and keeps the irreducible ones
 *    lists every arrow exactly once, in shortlex order.
 * 3. Arrows get dense ids sorted by (domain, codomain, shortlex); `dom`/`cod` are `Int32Array`s
 *    and composition is a table with one cell per composable pair ({@link CompositionTable}),
 *    filled in O(1) per pair: `g = g'·a` (its normal form minus the last generator `a`, itself
 *    a normal form) gives `g ∘ f = a ∘ (g' ∘ f)`, one lookup in a per-generator step table.
 *
 * Equality of arrows is identity of ids, hence decided, never sampled.
 *
 * When a hom-set grows past a bound the search stops. If the rewriting system proves it
 * infinite — an irreducible path `u·vᵐ` whose periodic tail `vᵐ` is at least (longest rule
 * left side + |v| − 1) long stays irreducible for every larger power, so `u·vʲ` are infinitely
 * many distinct arrows — the answer is `Infinite` with that witness; otherwise `TooLarge`.
 *
 * @example
 * import { buildFinCat, presentation } from "catcluster/category/fincat"
 * const r = buildFinCat(presentation({
 *   objects: ["A"], arrows: [{ name: "x", dom: "A", cod: "A" }],
 *   equations: [{ lhs: ["x", "x", "x", "x", "x"], rhs: ["x"] }],
 * }))
 * if (r._tag === "Finite") r.category.homCount(0, 0) // 5: id, x, x², x³, x⁴
 *
 * @since 0.1.0
 */

/**
 * A finite category from a presentation: objects and arrows are dense integer ids.
 *
 * @since 0.1.0
 * @category model
 */
export interface FinCat extends FiniteCategory<number, number>, CompositionTable {
  readonly presentation: Presentation
  readonly system: RewritingSystem
  readonly completion: Completion
  /** `homStart[x * objectCount + y]`: first arrow id of hom(x, y); one past the end follows. */
  readonly homStart: Int32Array
  /** The number of arrows x → y. */
  readonly homCount: (x: number, y: number) => number
  /** The object id of a name (throws {@link PresentationError} for an unknown one). */
  readonly objectId: (name: string) => number
  /** The normal form of arrow `f` as generator names, diagram order. */
  readonly pathOf: (f: number) => ReadonlyArray<string>
  /** The normal form of a path of generator names (diagram order; `at` for an empty path). */
  readonly normalForm: (path: ReadonlyArray<string>, at?: string) => TypedPath
  /** The arrow a path of generator names denotes. */
  readonly arrowOf: (path: ReadonlyArray<string>, at?: string) => number
  /** Whether two paths denote the same arrow — decided (false also when they are not parallel). */
  readonly equalPaths: (p: ReadonlyArray<string>, q: ReadonlyArray<string>, at?: string) => boolean
}

/** Bounds for building a FinCat. @since 0.1.0 @category model */
export interface FinCatOptions {
  /** The budget of Knuth–Bendix completion; bounds left out take their defaults ({@link defaultCompletionBounds}). */
  readonly completion?: CompletionOptions
  /** Stop when one hom-set has more arrows than this (default 10 000). */
  readonly maxHomSize?: number
  /** Stop when the category has more arrows than this (default 1 000 000). */
  readonly maxArrows?: number
}

/**
 * A proof that hom(dom, cod) is infinite: `prefix · loopᵏ · suffix` (diagram order) is a
 * normal form, hence a distinct arrow, for every k ≥ `from`.
 *
 * @since 0.1.0
 * @category model
 */
export interface InfiniteWitness {
  readonly prefix: ReadonlyArray<string>
  readonly loop: ReadonlyArray<string>
  readonly suffix: ReadonlyArray<string>
  readonly from: number
}

/**
 * The outcome of building a FinCat.
 *
 * - `Finite`: the category, enumerated and tabulated.
 * - `Infinite`: a hom-set passed the bound and is *proven* infinite (witness).
 * - `TooLarge`: a bound was passed, and no proof of infinity was found.
 * - `CompletionIncomplete`: Knuth–Bendix did not finish within its bounds.
 *
 * @since 0.1.0
 * @category model
 */
export type FinCatResult =
  | { readonly _tag: "Finite"; readonly category: FinCat }
  | {
      readonly _tag: "Infinite"
      readonly dom: string
      readonly cod: string
      readonly bound: number
      readonly witness: InfiniteWitness
      readonly message: string
    }
  | {
      readonly _tag: "TooLarge"
      readonly dom: string
      readonly cod: string
      readonly bound: number
      readonly message: string
    }
  | {
      readonly _tag: "CompletionIncomplete"
      readonly completion: Extract<Completion, { _tag: "Incomplete" }>
      readonly message: string
    }

/**
 * Building a FinCat did not give a finite category (see {@link FinCatResult}).
 *
 * @since 0.1.0
 * @category errors
 */
export class FinCatError extends Error {
  readonly _tag = "FinCatError" as const
  constructor(readonly result: Exclude<FinCatResult, { _tag: "Finite" }>) {
    super(result.message)
    this.name = "FinCatError"
  }
}

/** Growable Int32 buffer for the search (avoids boxing ids in plain arrays). */
class IntBuffer {
  data = new Int32Array(1024)
  length = 0
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = v
  }
  get(i: number): number {
    return this.data[i] as number
  }
}

/**
 * Looks for a factor `vᵐ` of an irreducible word `u·vᵐ·w` long enough to pump (see the module
 * doc): |vᵐ| ≥ max(2|v|, L + |v| − 1), L the longest rule left side. Every factor of length ≤ L
 * of `u·vᵏ·w` (k ≥ m) then already occurs in `u·vᵐ·w`, so all of them are irreducible: distinct
 * arrows of one hom-set. With `w` empty, `u·vᵏ` for small k are prefixes of the word, so the
 * witness holds from k = 0.
 */
const pumpingWitness = (
  word: string,
  longestLhs: number,
): { prefix: string; loop: string; suffix: string; from: number } | undefined => {
  const n = word.length
  for (let p = 1; 2 * p <= n; p++) {
    const power = Math.ceil(Math.max(2 * p, longestLhs + p - 1) / p)
    const span = power * p
    // run = how many positions so far continue period p (word[i] = word[i - p]).
    let run = 0
    for (let i = p; i < n; i++) {
      run = word.charCodeAt(i) === word.charCodeAt(i - p) ? run + 1 : 0
      if (run + p < span) continue
      // word[end - span, end) has period p; prefer the latest end (the longest u).
      let end = i + 1
      while (end < n && word.charCodeAt(end) === word.charCodeAt(end - p)) end++
      const start = end - span
      const loop = word.slice(start, start + p)
      const suffix = word.slice(end)
      let prefix = word.slice(0, start)
      // Fold whole periods of the prefix into the power.
      while (prefix.endsWith(loop)) prefix = prefix.slice(0, prefix.length - p)
      return { prefix, loop, suffix, from: suffix.length === 0 ? 0 : power }
    }
  }
  return undefined
}

/**
 * Builds the FinCat of a validated presentation: completion, enumeration, composition table.
 * Never hangs: every stage is bounded — completion by its budget ({@link defaultCompletionBounds}:
 * rules, steps, total rule length and a 5 s deadline), the search by `maxHomSize`/`maxArrows` —
 * and a bound passed is a typed result naming it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const buildFinCat = (p: Presentation, options: FinCatOptions = {}): FinCatResult => {
  const completion = complete(p, options.completion ?? {})
  if (completion._tag === "Incomplete") {
    const pending = completion.pending
    const showSide = (w: ReadonlyArray<number>): string =>
      w.length === 0 ? "id" : showWord(p, w, p.generatorDom[w[0] as number] as number)
    const shorten = (t: string): string => (t.length > 80 ? `${t.slice(0, 77)}…` : t)
    const processing = pending === undefined ? "" : `; processing ${shorten(showSide(pending.lhs))} = ${shorten(showSide(pending.rhs))}`
    return {
      _tag: "CompletionIncomplete",
      completion,
      message: `Knuth–Bendix completion of ${p.name} did not finish: ${showCompletionLimit(completion)}${processing}. Equality of paths is not decided; raise the budget (completion: { maxRules, maxSteps, maxTotalLength, maxWork, deadlineMs }) if the presentation should complete`,
    }
  }
  const system = completion.system
  const maxHom = options.maxHomSize ?? 10_000
  const maxArrows = options.maxArrows ?? 1_000_000
  const nObj = p.objects.length
  const nGen = p.generators.length

  // Generators grouped by domain: genStart[x] … genStart[x+1]-1 index into genList.
  const genStart = new Int32Array(nObj + 1)
  for (let a = 0; a < nGen; a++) genStart[(p.generatorDom[a] as number) + 1]!++
  for (let x = 0; x < nObj; x++) genStart[x + 1]! += genStart[x] as number
  const genList = new Int32Array(nGen)
  const genSlot = new Int32Array(nGen) // position of a among the generators out of dom a
  {
    const fill = genStart.slice(0, nObj)
    for (let a = 0; a < nGen; a++) {
      const x = p.generatorDom[a] as number
      const at = fill[x]!++
      genList[at] = a
      genSlot[a] = at - (genStart[x] as number)
    }
  }

  const lhs = new Set(system.rules.map((r) => r.lhs))
  const longest = system.longestLhs
  // w irreducible, w·a reducible iff some left side is a suffix of w·a.
  const reducibleAfterAppend = (w: string): boolean => {
    const n = w.length
    for (let k = 1; k <= longest && k <= n; k++) if (lhs.has(w.slice(n - k))) return true
    return false
  }

  // Breadth-first search in "discovery" ids; discovery order from each object is shortlex.
  const words: string[] = []
  const dDom = new IntBuffer()
  const dCod = new IntBuffer()
  const dParent = new IntBuffer()
  const dLast = new IntBuffer()
  const homCount = new Int32Array(nObj * nObj)
  const sourceStart = new Int32Array(nObj + 1)
  const tooBig = (x: number, y: number, bound: number, total: boolean): FinCatResult => {
    const where = total ? `the category` : `hom(${p.objects[x]},${p.objects[y]})`
    // Try the longest normal forms found (of this hom-set, or of any when the total bound
    // was passed) for a pumping witness.
    for (let i = words.length - 1, tried = 0; i >= 0 && tried < 256; i--) {
      if (!total && (dDom.get(i) !== x || dCod.get(i) !== y)) continue
      tried++
      const w = pumpingWitness(words[i] as string, longest)
      if (w === undefined) continue
      const wx = dDom.get(i)
      const wy = dCod.get(i)
      const names = (s: string) => decodeWord(s).map((a) => p.generators[a] as string)
      const text = (s: string) => showWord(p, decodeWord(s), wx)
      const loopText = w.loop.length === 1 ? `${text(w.loop)}^k` : `(${text(w.loop)})^k`
      const pattern = [w.suffix, "", w.prefix].map((part, j) => (j === 1 ? loopText : part.length === 0 ? "" : text(part))).filter((t) => t !== "").join("∘")
      const hom = `hom(${p.objects[wx]},${p.objects[wy]})`
      return {
        _tag: "Infinite",
        dom: p.objects[wx] as string,
        cod: p.objects[wy] as string,
        bound,
        witness: { prefix: names(w.prefix), loop: names(w.loop), suffix: names(w.suffix), from: w.from },
        message: `infinite: ${where} has more than ${bound} arrows, e.g. ${pattern} is a normal form ${total ? `in ${hom} ` : ""}for every k ≥ ${w.from}`,
      }
    }
    return {
      _tag: "TooLarge",
      dom: p.objects[x] as string,
      cod: p.objects[y] as string,
      bound,
      message: `too large: ${where} has more than ${bound} arrows and no proof that it is infinite was found`,
    }
  }
  for (let x = 0; x < nObj; x++) {
    sourceStart[x] = words.length
    words.push("")
    dDom.push(x)
    dCod.push(x)
    dParent.push(-1)
    dLast.push(-1)
    homCount[x * nObj + x]!++
    for (let q = sourceStart[x] as number; q < words.length; q++) {
      const w = words[q] as string
      const c = dCod.get(q)
      for (let k = genStart[c] as number; k < (genStart[c + 1] as number); k++) {
        const a = genList[k] as number
        const w2 = w + letter(a)
        if (reducibleAfterAppend(w2)) continue
        const y = p.generatorCod[a] as number
        words.push(w2)
        dDom.push(x)
        dCod.push(y)
        dParent.push(q)
        dLast.push(a)
        const count = ++homCount[x * nObj + y]!
        if (count > maxHom) return tooBig(x, y, maxHom, false)
        if (words.length > maxArrows) return tooBig(x, y, maxArrows, true)
      }
    }
  }
  sourceStart[nObj] = words.length
  const n = words.length

  // Final ids: sorted by (dom, cod), shortlex inside a hom-set (stable counting sort).
  const homStart = new Int32Array(nObj * nObj + 1)
  for (let h = 0; h < nObj * nObj; h++) homStart[h + 1] = (homStart[h] as number) + (homCount[h] as number)
  const idOf = new Int32Array(n)
  {
    const fill = homStart.slice(0, nObj * nObj)
    for (let i = 0; i < n; i++) idOf[i] = fill[dDom.get(i) * nObj + dCod.get(i)]!++
  }
  const arrowDom = new Int32Array(n)
  const arrowCod = new Int32Array(n)
  const nf: string[] = new Array<string>(n)
  for (let i = 0; i < n; i++) {
    const f = idOf[i] as number
    arrowDom[f] = dDom.get(i)
    arrowCod[f] = dCod.get(i)
    nf[f] = words[i] as string
  }
  const outStart = new Int32Array(nObj + 1)
  for (let x = 0; x <= nObj; x++) outStart[x] = homStart[x * nObj] as number
  const identity = new Int32Array(nObj)
  for (let x = 0; x < nObj; x++) identity[x] = idOf[sourceStart[x] as number] as number
  const byWord = new Map<string, number>()
  for (let f = 0; f < n; f++) if ((nf[f] as string).length > 0) byWord.set(nf[f] as string, f)
  const arrowOfWord = (w: string, at: number): number => {
    if (w.length === 0) return identity[at] as number
    const f = byWord.get(w)
    // Every normal form was enumerated; a miss would mean the rewriting system is not complete.
    if (f === undefined) throw new Error(`internal: normal form ${JSON.stringify(decodeWord(w))} was not enumerated`)
    return f
  }

  // step[stepStart[f] + genSlot[a]] = a ∘ f for every generator a out of cod f.
  const stepStart = new Int32Array(n + 1)
  for (let f = 0; f < n; f++) {
    const c = arrowCod[f] as number
    stepStart[f + 1] = (stepStart[f] as number) + (genStart[c + 1] as number) - (genStart[c] as number)
  }
  const step = new Int32Array(stepStart[n] as number)
  for (let f = 0; f < n; f++) {
    const c = arrowCod[f] as number
    for (let k = genStart[c] as number; k < (genStart[c + 1] as number); k++) {
      const a = genList[k] as number
      const w = system.normalForm((nf[f] as string) + letter(a))
      step[(stepStart[f] as number) + k - (genStart[c] as number)] = arrowOfWord(w, arrowDom[f] as number)
    }
  }

  // The table, one row per f, filled in discovery order of cod f so g' comes before g.
  const rowStart = new Int32Array(n + 1)
  for (let f = 0; f < n; f++) {
    const c = arrowCod[f] as number
    rowStart[f + 1] = (rowStart[f] as number) + (outStart[c + 1] as number) - (outStart[c] as number)
  }
  const table = new Int32Array(rowStart[n] as number)
  for (let f = 0; f < n; f++) {
    const c = arrowCod[f] as number
    const base = (rowStart[f] as number) - (outStart[c] as number)
    const from = sourceStart[c] as number
    const to = sourceStart[c + 1] as number
    table[base + (idOf[from] as number)] = f // f ∘ … : id_c ∘ f = f
    for (let i = from + 1; i < to; i++) {
      const before = table[base + (idOf[dParent.get(i)] as number)] as number
      table[base + (idOf[i] as number)] = step[(stepStart[before] as number) + (genSlot[dLast.get(i)] as number)] as number
    }
  }

  const objects = Array.from({ length: nObj }, (_, x) => x)
  const homCache = new Map<number, ReadonlyArray<number>>()
  const pathOf = (f: number): ReadonlyArray<string> => decodeWord(nf[f] as string).map((a) => p.generators[a] as string)
  const showArrow = (f: number): string => showWord(p, decodeWord(nf[f] as string), arrowDom[f] as number)
  const orThrow = <A>(e: E.Either<PresentationError, A>): A => {
    if (E.isLeft(e)) throw e.left
    return e.right
  }
  const normalForm = (path: ReadonlyArray<string>, at?: string): TypedPath => {
    const typed = orThrow(typePath(p, path, at))
    return { dom: typed.dom, cod: typed.cod, word: decodeWord(system.normalForm(encodeWord(typed.word))) }
  }
  const arrowOf = (path: ReadonlyArray<string>, at?: string): number => {
    const typed = orThrow(typePath(p, path, at))
    return arrowOfWord(system.normalForm(encodeWord(typed.word)), typed.dom)
  }
  const objectId = (name: string): number => {
    const x = p.objectIndex.get(name)
    if (x === undefined) throw new PresentationError("object", { _tag: "UnknownObject", name })
    return x
  }
  const category: FinCat = {
    name: p.name,
    presentation: p,
    system,
    completion,
    objectCount: nObj,
    arrowCount: n,
    arrowDom,
    arrowCod,
    identity,
    outStart,
    rowStart,
    table,
    homStart,
    homCount: (x, y) => (homStart[x * nObj + y + 1] as number) - (homStart[x * nObj + y] as number),
    dom: (f) => arrowDom[f] as number,
    cod: (f) => arrowCod[f] as number,
    id: (x) => identity[x] as number,
    compose: (g, f) => {
      const c = arrowCod[f] as number
      if (arrowDom[g] !== c) return -1
      return table[(rowStart[f] as number) + g - (outStart[c] as number)] as number
    },
    equalObjects: (x, y) => x === y,
    equalArrows: (f, g) =>
      f === g
        ? equal
        : different(`${showArrow(f)} ≠ ${showArrow(g)} (different normal forms)`, {
            left: pathOf(f),
            right: pathOf(g),
          }),
    showObject: (x) => p.objects[x] as string,
    showArrow,
    objects: () => objects,
    hom: (x, y) => {
      const key = x * nObj + y
      const cached = homCache.get(key)
      if (cached !== undefined) return cached
      const list: number[] = []
      for (let f = homStart[key] as number; f < (homStart[key + 1] as number); f++) list.push(f)
      homCache.set(key, list)
      return list
    },
    objectId,
    pathOf,
    normalForm,
    arrowOf,
    equalPaths: (l, r, at) => {
      const a = orThrow(typePath(p, l, at))
      const b = orThrow(typePath(p, r, at))
      if (a.dom !== b.dom || a.cod !== b.cod) return false
      return arrowOfWord(system.normalForm(encodeWord(a.word)), a.dom) === arrowOfWord(system.normalForm(encodeWord(b.word)), b.dom)
    },
  }
  return { _tag: "Finite", category }
}

/**
 * Validates a presentation and builds its FinCat, throwing a typed error
 * ({@link PresentationError} or {@link FinCatError}) when either step fails.
 *
 * @example
 * import { finCat } from "catcluster/category/fincat"
 * const C = finCat({ objects: ["A", "B"], arrows: [{ name: "f", dom: "A", cod: "B" }] })
 * C.showArrow(C.arrowOf(["f"])) // "f"
 *
 * @since 0.1.0
 * @category constructors
 */
export const finCat = (input: PresentationInput | Presentation, options: FinCatOptions = {}): FinCat => {
  const p = isPresentation(input) ? input : orThrowPresentation(parsePresentation(input))
  const result = buildFinCat(p, options)
  if (result._tag !== "Finite") throw new FinCatError(result)
  return result.category
}

const isPresentation = (input: PresentationInput | Presentation): input is Presentation =>
  "generatorDom" in input && input.generatorDom instanceof Int32Array

const orThrowPresentation = (e: E.Either<PresentationError, Presentation>): Presentation => {
  if (E.isLeft(e)) throw e.left
  return e.right
}
