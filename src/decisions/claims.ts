import type { ClaimCheck } from "../claims/Claim.ts"
import { distortedRange, seedDistortion } from "./Distortion.ts"
import { paretoFrontier, seedFrontier } from "./Pareto.ts"
import { axes, distance, minMaxNormalise, seedPoints, unitWeights } from "./PerformanceSpace.ts"
import { selectPlatform, selectRuntime, shadowedRuntimeRules } from "./RuntimeRules.ts"
import { fitWeights, seedRiskAversion, seedUtilityTable, utility } from "./Utility.ts"

/**
 * Verdicts for S14 (performance space and decisions), computed from the models in this folder.
 *
 * @since 0.1.0
 */

const round = (x: number, digits = 4) => Number(x.toFixed(digits))

/** The computed verdicts of the decision claims (S14). @since 0.1.0 @category claims */
export const claims: ReadonlyArray<ClaimCheck> = [
  {
    id: "S14.1",
    statement: "Seven-dimensional performance points for bare metal, container and VM.",
    source: "src/decisions/PerformanceSpace.ts seedPoints",
    check: () => {
      // Per axis: which of container/VM is "better"? Mixed directions are why one scalar metric needs weights.
      const ordering = axes.map((axis, i) => ({
        axis,
        container: seedPoints.container[i],
        vm: seedPoints.virtualMachine[i],
        bareMetal: seedPoints.bareMetal[i],
      }))
      return { verdict: "modelled", summary: "The three points are data in the model; axes mix larger-is-better and smaller-is-better scales.", evidence: ordering }
    },
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
    check: () => {
      const shadowed = shadowedRuntimeRules()
      const noRule = selectRuntime({ security: 5, performanceCritical: false, startupSeconds: 30, cloudNative: false })
      return {
        verdict: "modelled",
        summary: `Rules run as ordered pattern matches. ${shadowed.length} of 16 grid profiles match several rules (order decides, e.g. a performance-critical, fast-starting workload with security 9 gets KubeVirt, not Kata); a non-cloud-native, non-critical, security-5 workload matches no rule (the seed gives no default).`,
        evidence: {
          shadowed,
          noRule,
          examples: [
            selectRuntime({ security: 9, performanceCritical: true, startupSeconds: 2, cloudNative: true }),
            selectPlatform({ nodes: 5000, mixedWorkload: true }),
            selectPlatform({ nodes: 200, mixedWorkload: true }),
          ],
        },
      }
    },
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
    check: () => {
      const range = distortedRange({ low: 1, high: 3 })
      return {
        verdict: "modelled",
        summary: `For container start-up 1–3 s the model gives VM start-up ${round(range.low, 2)}–${round(range.high, 2)} s, which covers the 30–180 s stated in S4.1; the constant H carries almost all of it (ε contributes at most ${round(3 * seedDistortion.epsilon.high, 2)} s).`,
        evidence: { containerRange: { low: 1, high: 3 }, vmRange: range, parameters: seedDistortion },
      }
    },
  },
]
