import type { Limit } from "../Universal.ts"
import { InvalidFunctionError, TooLargeError } from "./errors.ts"
import {
  elementLabel,
  equalFunctions,
  finFunctionUnchecked,
  homFunctions,
  homSize,
  type FinFunction,
  type FinSetObject,
} from "./FinSet.ts"
import { product, type Product } from "./product.ts"

/**
 * Exponentials in FinSet: Bᴬ, the set of all functions A → B, with evaluation
 * ev : Bᴬ × A → B and currying. FinSet is cartesian closed: for every h : X × A → B there is
 * exactly one λh : X → Bᴬ with ev ∘ (λh × 1_A) = h, so currying is a bijection
 * FinSet(X × A, B) ≅ FinSet(X, Bᴬ) (S1.7), checked exhaustively by {@link curryingIso}.
 *
 * Element k of Bᴬ is the function whose table, read as a base-|B| number with element 0 most
 * significant, is k — the k-th function in the order of `homFunctions(A, B)`.
 *
 * @since 0.1.0
 */

/**
 * An exponential object with its evaluation and currying, in any category with products.
 *
 * @since 0.1.0
 * @category model
 */
export interface Exponential<O, A> {
  /** The exponent A. */
  readonly exponent: O
  /** The base B. */
  readonly base: O
  /** Bᴬ. */
  readonly object: O
  /** The product Bᴬ × A that evaluation starts from. */
  readonly evaluationProduct: Limit<O, A>
  /** ev : Bᴬ × A → B. */
  readonly evaluation: A
  /** λh : X → Bᴬ for h : X × A → B (X given, since X × ∅ forgets X). */
  readonly curry: (h: A, x: O) => A
  /** The inverse of `curry`: k : X → Bᴬ gives ev ∘ (k × 1_A) : X × A → B. */
  readonly uncurry: (k: A) => A
  /** u × 1_A : X × A → Bᴬ × A for u : X → Bᴬ. */
  readonly timesExponent: (u: A) => A
  /** The product X × A that a curried arrow's uncurried form starts from. */
  readonly productWith: (x: O) => O
}

/** Default bound on |Bᴬ|. @since 0.1.0 @category constants */
export const DEFAULT_MAX_EXPONENTIAL = 1 << 20

/**
 * Bᴬ with evaluation and currying. Throws {@link TooLargeError} when |B|^|A| > `maxSize`.
 *
 * @example
 * import { finSet, exponential, finFunction, product } from "catcluster/category/finset"
 * const A = finSet(2), B = finSet(3)
 * const E = exponential(A, B) // 9 functions
 * const X = finSet(1)
 * const h = finFunction(product(X, A).apex, B, [2, 0]) // h(0, 0) = 2, h(0, 1) = 0
 * E.curry(h, X).map // Int32Array [6]: the function [2, 0], number 2·3 + 0
 *
 * @since 0.1.0
 * @category exponentials
 */
export const exponential = (
  a: FinSetObject,
  b: FinSetObject,
  maxSize = DEFAULT_MAX_EXPONENTIAL,
): Exponential<FinSetObject, FinFunction> => {
  const nA = a.size
  const nB = b.size
  const size = homSize(nA, nB)
  if (size > maxSize) throw new TooLargeError(`${nB}^${nA}`, size, maxSize)
  // weight[i] = |B|^(|A|-1-i): element 0 is the most significant digit
  const weight = new Float64Array(nA)
  let w = 1
  for (let i = nA - 1; i >= 0; i--) {
    weight[i] = w
    w *= nB
  }
  const object: FinSetObject =
    size <= 10_000 && (nA === 0 || (a.labels !== undefined && b.labels !== undefined))
      ? {
          _tag: "FinSetObject",
          size,
          labels: Array.from({ length: size }, (_, k) => {
            const parts: string[] = []
            for (let i = 0; i < nA; i++) parts.push(`${elementLabel(a, i)}↦${elementLabel(b, Math.floor(k / (weight[i] as number)) % nB)}`)
            return `[${parts.join(", ")}]`
          }),
        }
      : { _tag: "FinSetObject", size }
  const evaluationProduct = product(object, a)
  const ev = new Int32Array(evaluationProduct.apex.size)
  for (let k = 0; k < size; k++) {
    for (let i = 0; i < nA; i++) ev[k * nA + i] = Math.floor(k / (weight[i] as number)) % nB
  }
  const evaluation = finFunctionUnchecked(evaluationProduct.apex, b, ev)
  const products = new Map<number, Product>()
  const productOf = (x: FinSetObject): Product => {
    // X × A depends only on |X| (labels aside); cache per size so round trips stay cheap
    const cached = products.get(x.size)
    if (cached !== undefined && cached.legs[0]?.cod === x) return cached
    const p = product(x, a)
    products.set(x.size, p)
    return p
  }
  const curry = (h: FinFunction, x: FinSetObject): FinFunction => {
    if (h.dom.size !== x.size * nA || h.cod.size !== nB) {
      throw new InvalidFunctionError("curry(h)", { kind: "wrongLength", expected: x.size * nA, actual: h.dom.size })
    }
    const hm = h.map
    const out = new Int32Array(x.size)
    for (let i = 0; i < x.size; i++) {
      let k = 0
      for (let j = 0; j < nA; j++) k += (hm[i * nA + j] as number) * (weight[j] as number)
      out[i] = k
    }
    return finFunctionUnchecked(x, object, out)
  }
  const uncurry = (k: FinFunction): FinFunction => {
    if (k.cod.size !== size) throw new InvalidFunctionError("uncurry(k)", { kind: "wrongLength", expected: size, actual: k.cod.size })
    const x = k.dom
    const p = productOf(x)
    const km = k.map
    const out = new Int32Array(p.apex.size)
    for (let i = 0; i < x.size; i++) {
      const f = km[i] as number
      for (let j = 0; j < nA; j++) out[i * nA + j] = Math.floor(f / (weight[j] as number)) % nB
    }
    return finFunctionUnchecked(p.apex, b, out)
  }
  const timesExponent = (u: FinFunction): FinFunction => {
    const x = u.dom
    const p = productOf(x)
    const um = u.map
    const out = new Int32Array(p.apex.size)
    for (let i = 0; i < x.size; i++) for (let j = 0; j < nA; j++) out[i * nA + j] = (um[i] as number) * nA + j
    return finFunctionUnchecked(p.apex, evaluationProduct.apex, out)
  }
  return {
    exponent: a,
    base: b,
    object,
    evaluationProduct,
    evaluation,
    curry,
    uncurry,
    timesExponent,
    productWith: (x) => productOf(x).apex,
  }
}

/**
 * The outcome of checking the currying bijection FinSet(X × A, B) ≅ FinSet(X, Bᴬ) exhaustively.
 *
 * @since 0.1.0
 * @category model
 */
export interface CurryingReport {
  readonly sizes: { readonly x: number; readonly a: number; readonly b: number }
  /** |FinSet(X × A, B)| = |B|^(|X|·|A|). */
  readonly uncurriedCount: number
  /** |FinSet(X, Bᴬ)| = (|B|^|A|)^|X|. */
  readonly curriedCount: number
  /** How many h had uncurry(curry h) = h, and the first that did not. */
  readonly leftRoundTrips: number
  readonly leftFailure?: { readonly input: string; readonly message: string }
  /** How many k had curry(uncurry k) = k, and the first that did not. */
  readonly rightRoundTrips: number
  readonly rightFailure?: { readonly input: string; readonly message: string }
  /** Both round trips hold on every arrow and the counts agree. */
  readonly holds: boolean
}

/**
 * Checks both round trips of currying on every arrow of FinSet(X × A, B) and of
 * FinSet(X, Bᴬ) — exhaustively, so keep the sets tiny (`bound` caps each hom-set).
 *
 * @example
 * import { finSet, exponential, curryingIso } from "catcluster/category/finset"
 * const r = curryingIso(finSet(2), exponential(finSet(2), finSet(2)))
 * r.holds // true, with 16 arrows each way
 *
 * @since 0.1.0
 * @category exponentials
 */
export const curryingIso = (
  x: FinSetObject,
  e: Exponential<FinSetObject, FinFunction>,
  bound = 1_000_000,
): CurryingReport => {
  const xa = e.productWith(x)
  let leftRoundTrips = 0
  let leftFailure: { input: string; message: string } | undefined
  let uncurriedCount = 0
  for (const h of homFunctions(xa, e.base, bound)) {
    uncurriedCount++
    const r = equalFunctions(e.uncurry(e.curry(h, x)), h)
    if (r.equal) leftRoundTrips++
    else leftFailure ??= { input: `[${h.map.join(",")}]`, message: r.message }
  }
  let rightRoundTrips = 0
  let rightFailure: { input: string; message: string } | undefined
  let curriedCount = 0
  for (const k of homFunctions(x, e.object, bound)) {
    curriedCount++
    const r = equalFunctions(e.curry(e.uncurry(k), x), k)
    if (r.equal) rightRoundTrips++
    else rightFailure ??= { input: `[${k.map.join(",")}]`, message: r.message }
  }
  return {
    sizes: { x: x.size, a: e.exponent.size, b: e.base.size },
    uncurriedCount,
    curriedCount,
    leftRoundTrips,
    rightRoundTrips,
    ...(leftFailure === undefined ? {} : { leftFailure }),
    ...(rightFailure === undefined ? {} : { rightFailure }),
    holds:
      uncurriedCount === curriedCount && leftRoundTrips === uncurriedCount && rightRoundTrips === curriedCount,
  }
}
