/**
 * fincat-laws: enumerate a generated finite category from its presentation, then check
 * typing, identities and associativity exhaustively on its composition table.
 *
 * The category: the k × k grid poset as a presentation — objects (i, j), generators
 * r : (i,j) → (i+1,j) and u : (i,j) → (i,j+1), one commuting square r;u = u;r per cell. It is
 * thin (one arrow (i,j) → (i',j') whenever i ≤ i', j ≤ j'), so its size is known in closed
 * form and checked: arrows = (k(k+1)/2)², composable pairs = C(k+2,3)², triples = C(k+3,4)².
 * k = 14 gives 313 600 pairs and 5.7 million triples.
 */
import { buildFinCat, checkTableLaws, presentation, type PresentationInput } from "../src/category/fincat/index.ts"
import { timed, type Benchmark } from "./Benchmark.ts"

/** The k × k grid with commuting squares. */
export const gridPresentation = (k: number): PresentationInput => {
  const o = (i: number, j: number) => `${i},${j}`
  const objects: string[] = []
  const arrows: Array<{ name: string; dom: string; cod: string }> = []
  const equations: Array<{ lhs: string[]; rhs: string[] }> = []
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) objects.push(o(i, j))
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      if (i + 1 < k) arrows.push({ name: `r${o(i, j)}`, dom: o(i, j), cod: o(i + 1, j) })
      if (j + 1 < k) arrows.push({ name: `u${o(i, j)}`, dom: o(i, j), cod: o(i, j + 1) })
    }
  for (let i = 0; i + 1 < k; i++)
    for (let j = 0; j + 1 < k; j++) {
      equations.push({ lhs: [`r${o(i, j)}`, `u${o(i + 1, j)}`], rhs: [`u${o(i, j)}`, `r${o(i, j + 1)}`] })
    }
  return { name: `grid${k}`, objects, arrows, equations }
}

const choose = (n: number, r: number): number => {
  let c = 1
  for (let i = 0; i < r; i++) c = (c * (n - i)) / (i + 1)
  return c
}

export const fincatLaws: Benchmark = {
  name: "fincat-laws",
  description: "FinCat: enumerate a 14×14 grid poset from its presentation, check category laws on its table",
  run: ({ quick, progress }) => {
    const k = quick ? 8 : 14
    progress(`grid ${k}×${k}: completion and enumeration`)
    const p = presentation(gridPresentation(k))
    const built = timed(() => buildFinCat(p, { maxArrows: 10_000_000, maxHomSize: 10_000_000 }))
    if (built.result._tag !== "Finite") throw new Error(`fincat-laws: ${built.result.message}`)
    const C = built.result.category
    const arrows = choose(k + 1, 2) ** 2
    const pairs = choose(k + 2, 3) ** 2
    const triples = choose(k + 3, 4) ** 2
    if (C.arrowCount !== arrows || C.table.length !== pairs) {
      throw new Error(`fincat-laws: expected ${arrows} arrows and ${pairs} pairs, got ${C.arrowCount} and ${C.table.length}`)
    }
    progress(`${arrows} arrows, ${pairs} pairs: checking laws`)
    checkTableLaws(C) // warm-up (JIT)
    let rounds = 0
    let seconds = 0
    let checked = 0
    while (seconds < (quick ? 0.2 : 2) || rounds < 3) {
      const run = timed(() => checkTableLaws(C))
      if (run.result._tag !== "Holds") throw new Error(`fincat-laws: ${run.result.law} fails`)
      if (run.result.triples !== triples) throw new Error(`fincat-laws: ${run.result.triples} triples, expected ${triples}`)
      checked += run.result.pairs + run.result.identityChecks + run.result.triples
      seconds += run.seconds
      rounds++
    }
    return {
      name: "fincat-laws",
      unit: "checks/s",
      value: Math.round(checked / seconds),
      objects: k * k,
      arrows,
      pairs,
      triples,
      rounds,
      seconds: Number((seconds / rounds).toFixed(4)),
      enumerationSeconds: Number(built.seconds.toFixed(4)),
      rules: C.system.rules.length,
    }
  },
}
