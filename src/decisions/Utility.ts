/**
 * Risk-adjusted utility (S14.5): U(arch) = Σ_f w_f·satisfaction(f, arch) − λ·risk(arch), λ = 1.5.
 *
 * The seed prints U for four architectures but not the weights. This module asks whether
 * *any* non-negative weights reproduce the table, up to the table's own rounding (two
 * decimals, so ±0.005 per entry): it finds the weights minimising the largest residual
 * (a Chebyshev fit, a tiny linear programme solved by visiting its vertices) and reports them.
 *
 * @since 0.1.0
 */

/** One row of the utility table. @since 0.1.0 @category model */
export interface UtilityRow {
  readonly name: string
  /** Satisfaction per feature (the seed: performance, isolation, maturity). */
  readonly satisfaction: ReadonlyArray<number>
  readonly risk: number
  /** The U the seed prints. */
  readonly stated: number
}

/** The seed's table (S14.5). @since 0.1.0 @category constants */
export const seedUtilityTable: ReadonlyArray<UtilityRow> = [
  { name: "bare-metal Kubernetes", satisfaction: [0.95, 0.5, 0.9], risk: 0.3, stated: 1.05 },
  { name: "virtualized containers", satisfaction: [0.85, 0.85, 0.95], risk: 0.2, stated: 1.18 },
  { name: "KubeVirt", satisfaction: [0.75, 0.95, 0.7], risk: 0.4, stated: 0.88 },
  { name: "hybrid", satisfaction: [0.8, 0.9, 0.85], risk: 0.35, stated: 1.02 },
]

/** The seed's risk aversion. @since 0.1.0 @category constants */
export const seedRiskAversion = 1.5

/**
 * U for given weights: Σ_f w_f·satisfaction_f − λ·risk.
 *
 * @example
 * import { seedUtilityTable, utility } from "catcluster/decisions"
 * // virtualized containers: 0.5·(0.85 + 0.85 + 0.95) − 1.5·0.2
 * utility(seedUtilityTable[1]!, [0.5, 0.5, 0.5]) // 1.025
 *
 * @since 0.1.0
 * @category utility
 */
export const utility = (row: UtilityRow, weights: ReadonlyArray<number>, riskAversion = seedRiskAversion): number =>
  row.satisfaction.reduce((s, x, i) => s + (weights[i] ?? 0) * x, 0) - riskAversion * row.risk

/** The best non-negative weights and their largest residual. @since 0.1.0 @category model */
export interface UtilityFit {
  readonly weights: ReadonlyArray<number>
  /** max over rows of |U(weights) − stated|, minimised. */
  readonly maxResidual: number
  readonly residuals: ReadonlyArray<{ readonly name: string; readonly computed: number; readonly stated: number }>
}

/** Solves a small dense linear system by Gaussian elimination with partial pivoting; undefined if singular. */
const solve = (a: number[][], b: number[]): number[] | undefined => {
  const n = b.length
  const m = a.map((row, i) => [...row, b[i]!])
  for (let c = 0; c < n; c++) {
    let p = c
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r
    if (Math.abs(m[p]![c]!) < 1e-12) return undefined
    ;[m[c], m[p]] = [m[p]!, m[c]!]
    for (let r = 0; r < n; r++) {
      if (r === c) continue
      const f = m[r]![c]! / m[c]![c]!
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!
    }
  }
  return m.map((row, i) => row[n]! / row[i]!)
}

/**
 * Minimises max_i |Σ_f w_f s_if − λ r_i − U_i| over w ≥ 0.
 *
 * As an LP in (w, t): minimise t subject to ±(A w − b) ≤ t and w ≥ 0. Its optimum sits at a
 * vertex where k + 1 constraints are tight (k features), so for the seed's 3 features and 4 rows
 * it suffices to solve the C(11, 4) = 330 small systems and keep the best feasible one.
 *
 * @example
 * import { fitWeights, seedUtilityTable } from "catcluster/decisions"
 * const fit = fitWeights(seedUtilityTable)
 * fit.weights      // ≈ [1.2263, 0.5724, 0]
 * fit.maxResidual  // ≈ 0.0488: above the table's rounding (0.005), so no weights reproduce it
 *
 * @since 0.1.0
 * @category utility
 */
export const fitWeights = (rows: ReadonlyArray<UtilityRow>, riskAversion = seedRiskAversion): UtilityFit => {
  const k = rows[0]?.satisfaction.length ?? 0
  const b = rows.map((r) => r.stated + riskAversion * r.risk)
  // constraints as (coefficients over [w..., t], rhs) with "≤"
  const constraints: Array<{ coef: number[]; rhs: number }> = []
  rows.forEach((r, i) => {
    constraints.push({ coef: [...r.satisfaction, -1], rhs: b[i]! }) //  A w − t ≤ b
    constraints.push({ coef: [...r.satisfaction.map((x) => -x), -1], rhs: -b[i]! }) // −A w − t ≤ −b
  })
  for (let j = 0; j < k; j++) constraints.push({ coef: Array.from({ length: k + 1 }, (_, i) => (i === j ? -1 : 0)), rhs: 0 })
  let best: number[] | undefined
  const choose = (start: number, picked: number[]): void => {
    if (picked.length === k + 1) {
      const x = solve(picked.map((i) => [...constraints[i]!.coef]), picked.map((i) => constraints[i]!.rhs))
      if (x === undefined) return
      const feasible = constraints.every((c) => c.coef.reduce((s, a, i) => s + a * x[i]!, 0) <= c.rhs + 1e-9)
      if (feasible && (best === undefined || x[k]! < best[k]!)) best = x
      return
    }
    for (let i = start; i < constraints.length; i++) choose(i + 1, [...picked, i])
  }
  choose(0, [])
  const weights = (best ?? Array.from({ length: k + 1 }, () => 0)).slice(0, k).map((w) => Math.max(0, w))
  const residuals = rows.map((r) => ({ name: r.name, computed: utility(r, weights, riskAversion), stated: r.stated }))
  return { weights, maxResidual: Math.max(...residuals.map((r) => Math.abs(r.computed - r.stated))), residuals }
}
