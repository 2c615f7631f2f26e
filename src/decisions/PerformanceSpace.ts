/**
 * The seven-dimensional performance space of S14.1 and the weighted metric of S14.2.
 *
 * g_p(u, v) = Σ wᵢ·uᵢ·vᵢ / (1 + λ·δ(p, VM)) is a conformally scaled diagonal inner product; the
 * factor is 1 everywhere except *at* the VM point, so along a straight path from Container to VM it
 * changes the integrand on a set of measure zero and the geodesic distance is the weighted
 * Euclidean one: dist = √(Σ wᵢ·Δxᵢ²). The seed gives neither the weights wᵢ nor the normalisation
 * of its "standardised units", which is why this module computes the distance under explicit
 * choices and reports how the claimed 2.3 depends on them.
 *
 * @since 0.1.0
 */

/** The axes, in the seed's order. @since 0.1.0 @category constants */
export const axes = [
  "isolation",
  "overhead",
  "startLatency",
  "density",
  "hardwareCompatibility",
  "apiConsistency",
  "securityEntropy",
] as const

/** One axis of the performance space. @since 0.1.0 @category model */
export type Axis = (typeof axes)[number]

/** A point of the space: one value per axis, in the seed's order. @since 0.1.0 @category model */
export type PerformancePoint = readonly [number, number, number, number, number, number, number]

/** The seed's three points (S14.1). @since 0.1.0 @category constants */
export const seedPoints = {
  bareMetal: [0, 0, 0, 100, 100, 0, 0],
  container: [1, 0.05, 1.8, 95, 90, 10, 2],
  virtualMachine: [2, 0.15, 75, 20, 85, 8, 1],
} as const satisfies Record<string, PerformancePoint>

/**
 * Weighted Euclidean distance √(Σ wᵢ·(uᵢ − vᵢ)²): the length of the straight path under g.
 *
 * @example
 * import { distance, seedPoints } from "catcluster/decisions"
 * distance(seedPoints.container, seedPoints.virtualMachine, [1, 1, 1, 1, 1, 1, 1]) // ≈ 104.95
 *
 * @since 0.1.0
 * @category metric
 */
export const distance = (u: PerformancePoint, v: PerformancePoint, weights: PerformancePoint): number => {
  let sum = 0
  for (let i = 0; i < 7; i++) {
    const d = (u[i] as number) - (v[i] as number)
    sum += (weights[i] as number) * d * d
  }
  return Math.sqrt(sum)
}

/**
 * Min–max normalisation of each axis over a set of points (each axis mapped onto [0, 1]).
 * An axis with no spread is mapped to 0.
 *
 * @since 0.1.0
 * @category metric
 */
export const minMaxNormalise = (points: ReadonlyArray<PerformancePoint>): ((p: PerformancePoint) => PerformancePoint) => {
  const lo = axes.map((_, i) => Math.min(...points.map((p) => p[i] as number)))
  const hi = axes.map((_, i) => Math.max(...points.map((p) => p[i] as number)))
  return (p) => p.map((x, i) => (hi[i]! === lo[i]! ? 0 : (x - lo[i]!) / (hi[i]! - lo[i]!))) as unknown as PerformancePoint
}

/** Equal weights on all seven axes. @since 0.1.0 @category constants */
export const unitWeights: PerformancePoint = [1, 1, 1, 1, 1, 1, 1]
