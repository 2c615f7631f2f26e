import type { Cone, Limit } from "../Universal.ts"
import { assertCone, type FinDiagram } from "./cones.ts"
import { TooLargeError } from "./errors.ts"
import { elementLabel, finFunctionUnchecked, type FinFunction, type FinSetObject } from "./FinSet.ts"

/**
 * Products in FinSet: the n-ary product X₀ × … × Xₙ₋₁ with its projections, the binary product
 * A × B, and the terminal object 1 (the empty product).
 *
 * A tuple (x₀, …, xₙ₋₁) is stored as the mixed-radix number Σ xⱼ·strideⱼ with the last
 * coordinate fastest, so (a, b) ∈ A × B is `a·|B| + b`. The mediating arrow of a cone
 * (fⱼ : X → Xⱼ) is ⟨f₀, …, fₙ₋₁⟩, x ↦ Σ fⱼ(x)·strideⱼ: it is the only arrow with
 * πⱼ ∘ u = fⱼ because a tuple is determined by its coordinates.
 *
 * @since 0.1.0
 */

/** A product with the strides of its tuple encoding. @since 0.1.0 @category model */
export interface Product extends Limit<FinSetObject, FinFunction> {
  /** `strides[j]`: the weight of coordinate j in a tuple's number. */
  readonly strides: ReadonlyArray<number>
  /** The number of the tuple with these coordinates. */
  readonly tuple: (coordinates: ReadonlyArray<number>) => number
}

/** Sets with more elements than this get no tuple labels (labels are for people). */
const LABEL_LIMIT = 10_000

/** Default bound on the size of a constructed set. @since 0.1.0 @category constants */
export const DEFAULT_MAX_SIZE = 1 << 27

/**
 * The product of a finite family of sets, with projections and ⟨…⟩ as `mediate`.
 * Throws {@link TooLargeError} when the product has more than `maxSize` elements.
 *
 * @example
 * import { finSet, products } from "catcluster/category/finset"
 * const p = products([finSet(2), finSet(3), finSet(2)])
 * p.apex.size        // 12
 * p.legs[1]!.map[7]  // 0: element 7 is (1, 0, 1), whose second coordinate is 0
 *
 * @since 0.1.0
 * @category limits
 */
export const products = (objects: ReadonlyArray<FinSetObject>, maxSize = DEFAULT_MAX_SIZE): Product => {
  const n = objects.length
  const strides = new Array<number>(n)
  let size = 1
  for (let j = n - 1; j >= 0; j--) {
    strides[j] = size
    size *= (objects[j] as FinSetObject).size
  }
  if (size > maxSize) throw new TooLargeError(`${objects.map((x) => x.size).join("×") || "1"}`, size, maxSize)
  const labelled = size <= LABEL_LIMIT && objects.every((x) => x.labels !== undefined)
  const apex: FinSetObject = labelled
    ? {
        _tag: "FinSetObject",
        size,
        labels: Array.from({ length: size }, (_, t) =>
          `(${objects.map((x, j) => elementLabel(x, Math.floor(t / (strides[j] as number)) % x.size)).join(", ")})`,
        ),
      }
    : { _tag: "FinSetObject", size }
  const legs = objects.map((x, j) => {
    const stride = strides[j] as number
    const m = x.size
    const map = new Int32Array(size)
    for (let t = 0; t < size; t++) map[t] = Math.floor(t / stride) % m
    return finFunctionUnchecked(apex, x, map)
  })
  const diagram: FinDiagram = { objects, arrows: [] }
  const name = n === 0 ? "terminal" : `product of ${n}`
  const mediate = (cone: Cone<FinSetObject, FinFunction>): FinFunction => {
    assertCone(name, diagram, cone)
    const out = new Int32Array(cone.apex.size)
    for (let j = 0; j < n; j++) {
      const stride = strides[j] as number
      const leg = (cone.legs[j] as FinFunction).map
      for (let x = 0; x < out.length; x++) out[x] = (out[x] as number) + (leg[x] as number) * stride
    }
    return finFunctionUnchecked(cone.apex, apex, out)
  }
  const tuple = (coordinates: ReadonlyArray<number>): number => {
    let t = 0
    for (let j = 0; j < n; j++) t += (coordinates[j] ?? 0) * (strides[j] as number)
    return t
  }
  return { apex, legs, diagram, mediate, strides, tuple }
}

/**
 * The binary product A × B with π₁, π₂; `mediate` of a cone (f, g) is ⟨f, g⟩.
 *
 * @example
 * import { finSet, finFunction, product } from "catcluster/category/finset"
 * const A = finSet(2), B = finSet(3), X = finSet(1)
 * const p = product(A, B)
 * p.mediate({ apex: X, legs: [finFunction(X, A, [1]), finFunction(X, B, [2])] }).map // [5]
 *
 * @since 0.1.0
 * @category limits
 */
export const product = (a: FinSetObject, b: FinSetObject, maxSize = DEFAULT_MAX_SIZE): Product => products([a, b], maxSize)

/**
 * The terminal object 1 = {0}: the product of no sets. Its `mediate` is the unique `! : X → 1`.
 *
 * @since 0.1.0
 * @category limits
 */
export const terminal = (): Product => products([])
