/**
 * fincat-complete: Knuth–Bendix completion (shortlex) over a fixed family of presentations,
 * with the default budget: ℤ/n for n = 10³ … 10⁵ (one rule, time roughly linear in n), the
 * symmetric groups S₄ … S₇ and the Coxeter groups B₃, H₃, F₄ (finite: the group order is
 * checked by enumeration, untimed), D(2,3,5) ≅ A₅, and two presentations whose shortlex
 * completion is infinite — B₃⁺ and the triangle group D(2,3,6) — which must stop on an effort
 * bound well inside the deadline. The row's value is the slowest case; each case reports its
 * seconds, rules and verdict (`complete`, or the bound it stopped on).
 */
import {
  buildFinCat,
  complete,
  coxeterGroup,
  cyclicGroup,
  defaultCompletionBounds,
  positiveBraidMonoid,
  presentation,
  symmetricGroup,
  triangleGroup,
  type PresentationInput,
} from "../src/category/fincat/index.ts"
import { timed, type Benchmark } from "./Benchmark.ts"

interface Case {
  readonly label: string
  readonly input: PresentationInput
  /** The order of the group when finite (checked), or the verdict expected. */
  readonly expect: number | "budget"
}

const cases = (quick: boolean): ReadonlyArray<Case> => [
  { label: "Z/1000", input: cyclicGroup(1000), expect: 1000 },
  { label: "Z/10000", input: cyclicGroup(10_000), expect: 10_000 },
  ...(quick ? [] : [{ label: "Z/100000", input: cyclicGroup(100_000), expect: 100_000 }]),
  { label: "S4", input: symmetricGroup(4), expect: 24 },
  { label: "S5", input: symmetricGroup(5), expect: 120 },
  { label: "S6", input: symmetricGroup(6), expect: 720 },
  ...(quick ? [] : [{ label: "S7", input: symmetricGroup(7), expect: 5040 }]),
  { label: "Cox-B3", input: coxeterGroup("B3", 3, (i, j) => (i === 0 && j === 1 ? 3 : i === 1 && j === 2 ? 4 : 2)), expect: 48 },
  { label: "Cox-H3", input: coxeterGroup("H3", 3, (i, j) => (i === 0 && j === 1 ? 3 : i === 1 && j === 2 ? 5 : 2)), expect: 120 },
  { label: "Cox-F4", input: coxeterGroup("F4", 4, (i, j) => (j !== i + 1 ? 2 : i === 1 ? 4 : 3)), expect: 1152 },
  { label: "D(2,3,5)", input: triangleGroup(2, 3, 5), expect: 60 },
  { label: "B3+", input: positiveBraidMonoid(3), expect: "budget" },
  { label: "D(2,3,6)", input: triangleGroup(2, 3, 6), expect: "budget" },
]

export const fincatComplete: Benchmark = {
  name: "fincat-complete",
  description: "Knuth–Bendix completion with the default budget: Z/n to 10^5, S_n and Coxeter groups, B3+ and D(2,3,6) on their budget",
  run: ({ quick, progress }) => {
    const row: Record<string, string> = {}
    let worst = 0
    let worstCase = ""
    for (const c of cases(quick)) {
      progress(c.label)
      const p = presentation(c.input)
      const run = timed(() => complete(p))
      const r = run.result
      if (c.expect === "budget") {
        if (r._tag !== "Incomplete" || r.reason === "deadline") {
          throw new Error(`fincat-complete: ${c.label} should stop on an effort bound, got ${r._tag === "Incomplete" ? r.reason : r._tag}`)
        }
      } else {
        if (r._tag !== "Complete") throw new Error(`fincat-complete: ${c.label} did not complete (${r.reason})`)
        // The order, by enumeration (untimed); ℤ/n's completion is the one rule xⁿ → 1.
        const order =
          c.input.name?.startsWith("Z/") === true
            ? r.system.rules.length === 1 && r.system.rules[0]?.lhs.length === c.expect && r.system.rules[0]?.rhs === ""
              ? c.expect
              : -1
            : (() => {
                const built = buildFinCat(p, { maxArrows: 2_000_000, maxHomSize: 2_000_000 })
                return built._tag === "Finite" ? built.category.arrowCount : -1
              })()
        if (order !== c.expect) throw new Error(`fincat-complete: ${c.label} has ${order} elements, expected ${c.expect}`)
      }
      const verdict = r._tag === "Complete" ? "complete" : `stopped:${r.reason}`
      row[c.label] = `${run.seconds.toFixed(3)}s/${r.stats.rules}r/${verdict}`
      if (run.seconds > worst) {
        worst = run.seconds
        worstCase = c.label
      }
    }
    return {
      name: "fincat-complete",
      unit: "s (slowest)",
      value: Number(worst.toFixed(4)),
      worstCase,
      deadlineSeconds: defaultCompletionBounds.deadlineMs / 1000,
      worstOfDeadline: Number((worst / (defaultCompletionBounds.deadlineMs / 1000)).toFixed(3)),
      ...row,
    }
  },
}
