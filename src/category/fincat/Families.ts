import type { PresentationInput } from "./Presentation.ts"

/**
 * Standard one-object presentations (monoids and groups written with generators only), for
 * tests, benchmarks and the docs: cyclic groups, Coxeter groups (the symmetric groups among
 * them), triangle groups and positive braid monoids. A group presented this way is a monoid
 * presentation in which every generator has finite order, so no inverse generators are needed.
 *
 * @since 0.1.0
 */

const power = (word: ReadonlyArray<string>, n: number): string[] => {
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(...word)
  return out
}

const oneObject = (name: string, generators: ReadonlyArray<string>, equations: ReadonlyArray<readonly [string[], string[]]>): PresentationInput => ({
  name,
  objects: ["*"],
  arrows: generators.map((g) => ({ name: g, dom: "*", cod: "*" })),
  equations: equations.map(([lhs, rhs]) => ({ lhs, rhs })),
})

/**
 * ℤ/n = ⟨x | xⁿ = 1⟩.
 *
 * @example
 * import { cyclicGroup, finCat } from "catcluster/category/fincat"
 * finCat(cyclicGroup(12)).arrowCount // 12
 *
 * @since 0.1.0
 * @category families
 */
export const cyclicGroup = (n: number): PresentationInput => oneObject(`Z/${n}`, ["x"], [[power(["x"], n), []]])

/**
 * The Coxeter group of a Coxeter matrix given by its entries above the diagonal:
 * ⟨s₁ … sₙ | sᵢ² = 1, (sᵢsⱼ)^m(i,j) = 1⟩; `m(i, j)` is the order of sᵢsⱼ (i < j), `Infinity`
 * for no relation.
 *
 * @since 0.1.0
 * @category families
 */
export const coxeterGroup = (name: string, rank: number, m: (i: number, j: number) => number): PresentationInput => {
  const s = Array.from({ length: rank }, (_, i) => `s${i + 1}`)
  const equations: Array<readonly [string[], string[]]> = []
  for (let i = 0; i < rank; i++) {
    equations.push([[s[i] as string, s[i] as string], []])
    for (let j = i + 1; j < rank; j++) {
      const order = m(i, j)
      if (Number.isFinite(order)) equations.push([power([s[i] as string, s[j] as string], order), []])
    }
  }
  return oneObject(name, s, equations)
}

/**
 * The symmetric group Sₙ as the Coxeter group of type Aₙ₋₁ (adjacent transpositions).
 *
 * @example
 * import { finCat, symmetricGroup } from "catcluster/category/fincat"
 * finCat(symmetricGroup(4)).arrowCount // 24
 *
 * @since 0.1.0
 * @category families
 */
export const symmetricGroup = (n: number): PresentationInput =>
  coxeterGroup(`S${n}`, n - 1, (i, j) => (j === i + 1 ? 3 : 2))

/**
 * The von Dyck (ordinary triangle) group D(l, m, n) = ⟨a, b | aˡ = bᵐ = (ab)ⁿ = 1⟩: finite
 * when 1/l + 1/m + 1/n > 1, infinite otherwise (D(2, 3, 6) is the Euclidean wallpaper group's
 * rotation subgroup).
 *
 * @since 0.1.0
 * @category families
 */
export const triangleGroup = (l: number, m: number, n: number): PresentationInput =>
  oneObject(`D(${l},${m},${n})`, ["a", "b"], [
    [power(["a"], l), []],
    [power(["b"], m), []],
    [power(["a", "b"], n), []],
  ])

/**
 * The positive braid monoid Bₙ⁺ on n strands (Artin generators σ₁ … σₙ₋₁, braid and far
 * commutation relations). B₃⁺ = ⟨a, b | aba = bab⟩ has no finite complete rewriting system for
 * shortlex on {a, b}: completion only ends on its budget.
 *
 * @since 0.1.0
 * @category families
 */
export const positiveBraidMonoid = (strands: number): PresentationInput => {
  const s = Array.from({ length: strands - 1 }, (_, i) => (strands === 3 ? ["a", "b"][i] : `s${i + 1}`) as string)
  const equations: Array<readonly [string[], string[]]> = []
  for (let i = 0; i < s.length; i++) {
    for (let j = i + 1; j < s.length; j++) {
      const a = s[i] as string
      const b = s[j] as string
      equations.push(j === i + 1 ? [[a, b, a], [b, a, b]] : [[a, b], [b, a]])
    }
  }
  return oneObject(`B${strands}+`, s, equations)
}
