import type { ClaimCheck, ClaimResult } from "../claims/Claim.ts"
import { distortedRange, seedDistortion, type Interval } from "./Distortion.ts"
import { paretoFrontier, seedFrontier } from "./Pareto.ts"
import { axes, distance, minMaxNormalise, seedPoints, unitWeights } from "./PerformanceSpace.ts"
import { runtimeProfileGrid, selectPlatform, selectRuntime, shadowedRuntimeRules, type ClusterProfile, type WorkloadProfile } from "./RuntimeRules.ts"
import { fitWeights, seedRiskAversion, seedUtilityTable, utility } from "./Utility.ts"

/**
 * Verdicts for S14 (performance space and decisions), computed from the models in this folder.
 *
 * @since 0.1.0
 */

const round = (x: number, digits = 4) => Number(x.toFixed(digits))

/**
 * S14.1 from its evidence: every point has one coordinate per axis (seven), or the claim fails
 * naming the points that do not.
 *
 * @since 0.1.0
 * @category claims
 */
export const pointsVerdict = (axisNames: ReadonlyArray<string>, points: Readonly<Record<string, ReadonlyArray<number>>>): ClaimResult => {
  const wrong = Object.entries(points).filter(([, p]) => p.length !== axisNames.length)
  const ordering = axisNames.map((axis, i) => ({ axis, ...Object.fromEntries(Object.entries(points).map(([name, p]) => [name, p[i]])) }))
  return {
    verdict: axisNames.length === 7 && wrong.length === 0 ? "holds" : "fails",
    summary:
      `${Object.keys(points).length} points on ${axisNames.length} axes (${axisNames.join(", ")}); ` +
      (wrong.length === 0 ? "each has one coordinate per axis" : `${wrong.map(([n, p]) => `${n} has ${p.length}`).join(", ")}`) +
      ". Nothing else is claimed of them; the axes mix larger-is-better and smaller-is-better scales, which is why one scalar metric needs weights (S14.2).",
    evidence: { axes: axisNames, ordering, wrong: wrong.map(([n]) => n) },
  }
}

/**
 * S14.4 from its evidence: the rules run as first-match pattern matches; profiles (and clusters)
 * no rule matches have no decision in the seed, which gives no default, so the verdict is
 * `underdetermined` when there are any and `holds` when the rules decide every probe.
 *
 * @since 0.1.0
 * @category claims
 */
export const rulesVerdict = (
  grid: ReadonlyArray<WorkloadProfile>,
  clusters: ReadonlyArray<ClusterProfile>,
  select: (w: WorkloadProfile) => { readonly rule: number | null } = selectRuntime,
  platform: (c: ClusterProfile) => { readonly rule: number | null } = selectPlatform,
): ClaimResult => {
  const shadowed = shadowedRuntimeRules(grid)
  const noRule = grid.filter((w) => select(w).rule === null)
  const noPlatform = clusters.filter((c) => platform(c).rule === null)
  const undecided = noRule.length + noPlatform.length
  const show = (w: WorkloadProfile) =>
    `security ${w.security}, ${w.performanceCritical ? "" : "not "}performance-critical, start-up ${w.startupSeconds} s, ${w.cloudNative ? "" : "not "}cloud-native`
  const eg = <T>(xs: ReadonlyArray<T>, f: (x: T) => string) => (xs[0] === undefined ? "" : ` (e.g. ${f(xs[0])})`)
  return {
    verdict: undecided > 0 ? "underdetermined" : "holds",
    summary:
      `Rules run as ordered pattern matches. ${shadowed.length} of ${grid.length} grid profiles match several rules, so order decides${eg(shadowed, (x) => `${show(x.profile)}: rules ${x.matching.join(" and ")} match, rule ${x.matching[0]} wins`)}; ` +
      `${noRule.length} of ${grid.length} profiles match no runtime rule${eg(noRule, show)} and ${noPlatform.length} of ${clusters.length} clusters no platform rule${eg(noPlatform, (c) => `${c.nodes} nodes, ${c.mixedWorkload ? "mixed" : "one kind of"} workload`)}` +
      (undecided > 0 ? ": the seed gives no default, so the rules do not decide them." : ": every probe is decided."),
    evidence: { grid: grid.length, shadowed, noRule, noPlatform },
  }
}

/**
 * S14.6 from its evidence: the range T_vm takes under the formula, against the VM start-up range
 * the seed states in S4.1 (30–180 s): `holds` when they coincide, `inconsistent` when the
 * formula's own range differs.
 *
 * @since 0.1.0
 * @category claims
 */
export const distortionVerdict = (container: Interval, vm: Interval, stated: Interval): ClaimResult => {
  const same = vm.low === stated.low && vm.high === stated.high
  const covers = vm.low <= stated.low && vm.high >= stated.high
  return {
    verdict: same ? "holds" : "inconsistent",
    summary:
      `For container start-up ${container.low}–${container.high} s the formula gives VM start-up ${round(vm.low, 2)}–${round(vm.high, 2)} s, against the ${stated.low}–${stated.high} s stated in S4.1` +
      (same ? "." : `: it ${covers ? "covers it but is wider" : `misses ${vm.low > stated.low ? `${stated.low}–${round(vm.low, 2)} s` : `${round(vm.high, 2)}–${stated.high} s`}${vm.high > stated.high ? ` and overshoots to ${round(vm.high, 2)} s` : ""}`}. `) +
      (same ? "" : `The constant H carries almost all of it (ε contributes at most ${round(container.high * seedDistortion.epsilon.high, 2)} s), so the gap is small, but the seed's two ranges for one quantity differ.`),
    evidence: { containerRange: container, vmRange: vm, statedVmRange: stated, parameters: seedDistortion },
  }
}

/** The computed verdicts of the decision claims (S14). @since 0.1.0 @category claims */
export const claims: ReadonlyArray<ClaimCheck> = [
  {
    id: "S14.1",
    statement: "Seven-dimensional performance points for bare metal, container and VM.",
    source: "src/decisions/PerformanceSpace.ts seedPoints",
    check: () => pointsVerdict(axes, seedPoints),
  },
  {
    id: "S14.2",
    statement: "g_p(u,v) = Σ wᵢuᵢvᵢ / (1 + λ·δ(p,VM)); dist(Container, VM) ≈ 2.3.",
    source: "src/decisions/PerformanceSpace.ts distance, minMaxNormalise",
    check: () => {
      const raw = distance(seedPoints.container, seedPoints.virtualMachine, unitWeights)
      const n = minMaxNormalise([seedPoints.bareMetal, seedPoints.container, seedPoints.virtualMachine])
      const normalised = distance(n(seedPoints.container), n(seedPoints.virtualMachine), unitWeights)
      return {
        verdict: "underdetermined",
        summary: `The seed gives no weights wᵢ and no normalisation. With unit weights the distance is ${round(raw, 2)} (raw units) or ${round(normalised, 3)} (min–max normalised axes); any value, 2.3 included, is reached by scaling the weights, so the claim cannot be checked without them. δ(p,VM) only rescales the metric at the VM point itself, a null set for the path integral.`,
        evidence: { unitWeightsRaw: round(raw), unitWeightsMinMax: round(normalised), claimed: 2.3, scaleToMatchRaw: round((2.3 / raw) ** 2, 8), missing: ["w₁…w₇", "λ", "normalisation of 'standardised units'"] },
      }
    },
  },
  {
    id: "S14.3",
    statement: "Pareto frontier on (isolation, performance) and decision zones.",
    source: "src/decisions/Pareto.ts paretoFrontier",
    check: () => {
      const f = paretoFrontier(seedFrontier)
      return f.dominated.length === 0
        ? { verdict: "holds", summary: "All four points are Pareto-optimal.", evidence: f }
        : {
            verdict: "fails",
            summary: `Not a frontier: ${f.dominated.map((d) => `${d.name} is dominated by ${d.dominatedBy.join(", ")}`).join("; ")} (same isolation 2, lower performance).`,
            evidence: f,
          }
    },
  },
  {
    id: "S14.4",
    statement: "Ordered runtime and platform selection rules, first match wins.",
    source: "src/decisions/RuntimeRules.ts selectRuntime, selectPlatform, shadowedRuntimeRules",
    check: () =>
      rulesVerdict(runtimeProfileGrid(), [
        { nodes: 5000, mixedWorkload: true },
        { nodes: 200, mixedWorkload: true },
        { nodes: 200, mixedWorkload: false },
      ]),
  },
  {
    id: "S14.5",
    statement: "U = Σ weight·satisfaction − 1.5·risk reproduces the table (1.05, 1.18, 0.88, 1.02).",
    source: "src/decisions/Utility.ts fitWeights",
    check: () => {
      const fit = fitWeights(seedUtilityTable)
      const tolerance = 0.005 // the table's two-decimal rounding
      const equalWeights = seedUtilityTable.map((r) => ({ name: r.name, computed: round(utility(r, [1, 1, 1])), stated: r.stated }))
      return fit.maxResidual <= tolerance
        ? { verdict: "holds", summary: `Weights ${fit.weights.map((w) => round(w)).join(", ")} reproduce the table within rounding.`, evidence: fit }
        : {
            verdict: "inconsistent",
            summary: `No non-negative weights reproduce the table with λ = ${seedRiskAversion}: the best (Chebyshev) fit, weights (${fit.weights.map((w) => round(w, 3)).join(", ")}), still misses by ${round(fit.maxResidual, 3)} > ${tolerance}.`,
            evidence: { bestFit: fit, tolerance, equalWeights },
          }
    },
  },
  {
    id: "S14.6",
    statement: "T_vm(p) = T_container(p)·(1+ε), ε ∈ [0.05, 0.15], plus a hypervisor constant of 30–180 s.",
    source: "src/decisions/Distortion.ts distortedRange",
    check: () => distortionVerdict({ low: 1, high: 3 }, distortedRange({ low: 1, high: 3 }), { low: 30, high: 180 }),
  },
]
