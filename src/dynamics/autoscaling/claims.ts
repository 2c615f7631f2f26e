/**
 * Verdicts for S12 (autoscaling and control), computed by running the HPA of this folder
 * (Kubernetes v1.35) and the closed loop of `dynamics/simulation`.
 *
 * @since 0.1.0
 */
import type { ClaimCheck, ClaimResult } from "../../claims/Claim.ts"
import { makeRng } from "../random/index.ts"
import type { SimulationResult } from "../simulation/index.ts"
import { simulateAutoscaling, workloadOf } from "../simulation/index.ts"
import { defaultReadinessTiming } from "./GroupPods.ts"
import { emptyHistory, normalize } from "./Normalization.ts"
import { resourceReplicas } from "./ReplicaCalculator.ts"
import type { PodMetric, PodSnapshot } from "./Snapshot.ts"
import { defaultTolerances } from "./Tolerance.ts"

/** The seeds of the closed-loop runs behind S12.2–S12.4 (reported in the evidence). @since 0.1.0 @category constants */
export const CLAIM_SEEDS: ReadonlyArray<number> = [20261127, 20261128, 20261129, 20261130, 20261131]

/** The number of random snapshots S12.1 compares on, and their seed. */
const S121_SAMPLES = 2000
const S121_SEED = 20261127

const NOW = 3_600_000

interface Snapshot {
  readonly pods: ReadonlyArray<PodSnapshot>
  readonly metrics: ReadonlyMap<string, PodMetric>
  readonly target: number
}

/** All pods Running and Ready for an hour, each with a sample: the formula's own setting. */
const healthySnapshot = (rng: ReturnType<typeof makeRng>): Snapshot => {
  const n = 1 + rng.nextInt(20)
  const pods: PodSnapshot[] = []
  const metrics = new Map<string, PodMetric>()
  for (let i = 0; i < n; i++) {
    const request = 100 + rng.nextInt(1901)
    const name = `p${i}`
    pods.push({ name, phase: "Running", deleting: false, startTime: 0, ready: { status: "True", lastTransitionTime: 10_000 }, containers: [{ name: "c", requests: { cpu: request } }] })
    metrics.set(name, { value: rng.nextInt(3 * request + 1), timestamp: NOW, window: 15_000 })
  }
  return { pods, metrics, target: 10 + rng.nextInt(141) }
}

const totals = (s: Snapshot): { readonly usage: number; readonly request: number } => {
  let usage = 0
  let request = 0
  for (const p of s.pods) {
    usage += s.metrics.get(p.name)?.value ?? 0
    request += p.containers[0]?.requests["cpu"] ?? 0
  }
  return { usage, request }
}

/**
 * S12.1: the seed's formula against the controller on random healthy snapshots.
 *
 * @since 0.1.0
 * @category claims
 */
export const compareFormulaWithHpa = (samples = S121_SAMPLES, seed = S121_SEED) => {
  const rng = makeRng(seed)
  let core = 0
  let coreAgree = 0
  let toleranceDiffers = 0
  let exactValueDiffers = 0
  let normalizationDiffers = 0
  const examples: Record<string, unknown> = {}
  for (let k = 0; k < samples; k++) {
    const s = healthySnapshot(rng)
    const current = s.pods.length
    const real = resourceReplicas({ currentReplicas: current, pods: s.pods, metrics: s.metrics, tolerances: defaultTolerances, now: NOW, timing: defaultReadinessTiming, resource: "cpu", targetUtilization: s.target })
    if (real._tag !== "Proposal") continue
    const { usage, request } = totals(s)
    const currentValue = Math.floor((100 * usage) / request) // the utilization the HPA reports
    const formula = Math.ceil((current * currentValue) / s.target)
    const ratio = currentValue / s.target
    const within = 1 - defaultTolerances.scaleDown <= ratio && ratio <= 1 + defaultTolerances.scaleUp
    if (!within) {
      core++
      if (formula === real.replicas) coreAgree++
      else examples["coreMismatch"] ??= { current, currentValue, target: s.target, formula, hpa: real.replicas }
    } else if (formula !== real.replicas) {
      toleranceDiffers++
      examples["tolerance"] ??= { current, currentValue, target: s.target, formula, hpa: real.replicas }
    }
    const exact = Math.ceil((current * ((100 * usage) / request)) / s.target)
    if (!within && exact !== formula) {
      exactValueDiffers++
      examples["flooring"] ??= { current, exactValue: (100 * usage) / request, target: s.target, formulaOnExactValue: exact, hpa: real.replicas }
    }
    const normalized = normalize({ current, proposed: real.replicas, min: 1, max: 10 * current, now: NOW, history: emptyHistory }).replicas
    if (normalized !== real.replicas) {
      normalizationDiffers++
      examples["scaleUpLimit"] ??= { current, proposed: real.replicas, normalized, rule: "max(2·current, 4)" }
    }
  }
  // Stabilisation: a recommendation of 8 two minutes ago holds a scale-down to 3.
  const held = normalize({ current: 8, proposed: 3, min: 1, max: 20, now: NOW, history: { ...emptyHistory, recommendations: [{ value: 8, time: NOW - 120_000 }] } })
  examples["stabilization"] = { current: 8, formula: 3, hpa: held.replicas, reason: held.reasons[0] }
  return { samples, seed, core, coreAgree, toleranceDiffers, exactValueDiffers, normalizationDiffers, examples }
}

const runs = (() => {
  let cache: ReadonlyArray<SimulationResult> | undefined
  return (): ReadonlyArray<SimulationResult> => {
    cache ??= CLAIM_SEEDS.flatMap((seed) =>
      (["container", "vm"] as const).flatMap((workload) => [false, true].map((predictor) => simulateAutoscaling({ workload, predictor, seed, durationSeconds: 1800 }))),
    )
    return cache
  }
})()

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
const mean = (xs: ReadonlyArray<number>): number => xs.reduce((a, b) => a + b, 0) / xs.length
const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d

/**
 * Per workload and predictor setting: the mean (over the claim seeds) of each measure.
 *
 * @since 0.1.0
 * @category claims
 */
export const autoscalingTable = (results: ReadonlyArray<SimulationResult> = runs()) =>
  (["container", "vm"] as const).flatMap((workload) =>
    [false, true].map((predictor) => {
      const rs = results.filter((r) => r.workload === workload && r.predictor === predictor)
      const p = rs.map((r) => r.performance)
      const reactions = p.map((x) => x.reactionSeconds).filter((x): x is number => x !== null)
      const settled = p.map((x) => x.settlingSeconds).filter((x): x is number => x !== null)
      return {
        workload,
        predictor,
        runs: rs.length,
        overshootPercent: round(mean(p.map((x) => x.overshootPercent))),
        settlingSeconds: settled.length === 0 ? null : round(median(settled)),
        settledRuns: settled.length,
        reactionSecondsMedian: reactions.length === 0 ? null : median(reactions),
        reactionSecondsRange: reactions.length === 0 ? null : [Math.min(...reactions), Math.max(...reactions)],
        wastedReplicaSeconds: round(mean(p.map((x) => x.wastedReplicaSeconds)), 0),
        sloViolationSeconds: round(mean(p.map((x) => x.sloViolationSeconds))),
      }
    }),
  )

const s121 = (): ClaimResult => {
  const r = compareFormulaWithHpa()
  const holds = r.core > 0 && r.coreAgree === r.core
  return {
    verdict: holds ? "holds" : "fails",
    summary: holds
      ? `On ${r.core} of ${r.samples} random healthy snapshots outside the 0.1 dead band the formula (with the HPA's floored utilization) gives exactly the controller's proposal; it differs inside the dead band (${r.toleranceDiffers}), with the unfloored value (${r.exactValueDiffers}), after the scale-up limit (${r.normalizationDiffers}) and under stabilisation.`
      : `The formula disagrees with the controller's core rule on ${r.core - r.coreAgree} of ${r.core} snapshots outside the dead band.`,
    evidence: r,
  }
}

const s122 = (): ClaimResult => {
  const rs = runs()
  const perRun = rs.map((r) => ({ workload: r.workload, predictor: r.predictor, seed: r.seed, ...r.performance.lyapunov }))
  const positive = perRun.reduce((a, r) => a + r.positiveSeconds, 0)
  const decreasing = perRun.reduce((a, r) => a + r.decreasingSeconds, 0)
  const flat = perRun.reduce((a, r) => a + r.flatSeconds, 0)
  const increasing = perRun.reduce((a, r) => a + r.increasingSeconds, 0)
  const holds = positive === decreasing
  const firstIncrease = perRun.find((r) => r.increases.length > 0)
  const waits = (kind: "container" | "vm") =>
    round(mean(perRun.filter((r) => r.workload === kind && r.againstDesired.meanSecondsToFirstDecrease !== null).map((r) => r.againstDesired.meanSecondsToFirstDecrease!)))
  return {
    verdict: holds ? "holds" : "fails",
    summary: holds
      ? "Along every run V decreases whenever it is positive."
      : `Along ${rs.length} runs V > 0 for ${positive} s but dV/dt < 0 only for ${decreasing} s: it stays flat for ${flat} s (dead time while pods start; the 0.1 dead band and 5-min stabilisation hold an offset) and rises for ${increasing} s with a constant reference (overshoot of requests made on stale metrics). ` +
        `Against the HPA's own desired count every scale-up raises V, which then waits ${waits("container")} s (containers) and ${waits("vm")} s (VMs) on average before it first falls: the dead time.`,
    evidence: {
      seeds: CLAIM_SEEDS,
      totals: { positiveSeconds: positive, decreasingSeconds: decreasing, flatSeconds: flat, increasingSeconds: increasing },
      deadTimeSeconds: { container: waits("container"), vm: waits("vm") },
      firstIncrease: firstIncrease === undefined ? null : { workload: firstIncrease.workload, predictor: firstIncrease.predictor, seed: firstIncrease.seed, interval: firstIncrease.increases[0] },
      perRun: perRun.map(({ increases: _, ...rest }) => rest),
    },
  }
}

const s123 = (): ClaimResult => {
  const table = autoscalingTable()
  const vm = workloadOf("vm").startup
  const medianStart = vm.quantile(0.5)
  const plain = table.find((r) => r.workload === "vm" && !r.predictor)!
  const smith = table.find((r) => r.workload === "vm" && r.predictor)!
  const tauConsistent = Math.abs(medianStart - 60) <= 10
  const measuredTau = round(
    mean(runs().filter((r) => r.workload === "vm" && !r.predictor).flatMap((r) => (r.performance.lyapunov.againstDesired.meanSecondsToFirstDecrease === null ? [] : [r.performance.lyapunov.againstDesired.meanSecondsToFirstDecrease]))),
  )
  const sloBetter = smith.sloViolationSeconds < plain.sloViolationSeconds
  const faster = (smith.reactionSecondsMedian ?? Infinity) < (plain.reactionSecondsMedian ?? Infinity)
  const holds = tauConsistent && sloBetter && faster
  return {
    verdict: holds ? "holds" : "fails",
    summary:
      `VM start median ${round(medianStart)} s (mean ${round(vm.mean)} s; in the loop the first of a batch of new VMs is Ready ${measuredTau} s after the scale-up, on average) ${tauConsistent ? "matches" : "does not match"} τ ≈ 60 s. With the predictor the VM loop reacts in ${smith.reactionSecondsMedian} s vs ${plain.reactionSecondsMedian} s and violates the SLO ${smith.sloViolationSeconds} s vs ${plain.sloViolationSeconds} s, ` +
      `at the cost of ${smith.overshootPercent} % vs ${plain.overshootPercent} % overshoot and ${smith.wastedReplicaSeconds} vs ${plain.wastedReplicaSeconds} wasted replica-seconds (the trend term also reads the CPU that arriving pods unlock as load growth).`,
    evidence: { seeds: CLAIM_SEEDS, tau: { median: round(medianStart, 2), mean: round(vm.mean, 2), measuredInLoop: measuredTau, stated: 60 }, gain: "1/(0.6·1000m) replicas per millicore", table },
  }
}

/** S12.4's table, seconds. */
const scalingKinds = [
  { kind: "container HPA", stated: [30, 60], simulated: "container" },
  { kind: "VPA", stated: "restart", simulated: null },
  { kind: "VM HPA", stated: [120, 300], simulated: "vm" },
  { kind: "VM vertical (hotplug)", stated: [0, 0], simulated: null },
  { kind: "VM migration", stated: [30, 60], simulated: null },
] as const

const s124 = (): ClaimResult => {
  const table = autoscalingTable()
  const rows = scalingKinds.map((k) => {
    if (k.simulated === null) return { ...k, measured: null, within: null }
    const r = table.find((x) => x.workload === k.simulated && !x.predictor)!
    const [lo, hi] = k.stated as readonly [number, number]
    const m = r.reactionSecondsMedian
    return { ...k, measured: { medianSeconds: m, range: r.reactionSecondsRange }, within: m !== null && m >= lo && m <= hi }
  })
  const checked = rows.filter((r) => r.within !== null)
  const holds = checked.every((r) => r.within === true)
  return {
    verdict: holds ? "holds" : "fails",
    summary:
      checked.map((r) => `${r.kind}: stated ${JSON.stringify(r.stated)} s, simulated median reaction ${r.measured?.medianSeconds} s (range ${JSON.stringify(r.measured?.range)})`).join("; ") +
      ". VPA, hotplug and migration rows are not simulated here.",
    evidence: { seeds: CLAIM_SEEDS, reaction: "seconds from the load step until ready replicas reach the reference", rows },
  }
}

/**
 * The S12 checks.
 *
 * @since 0.1.0
 * @category claims
 */
export const claims: ReadonlyArray<ClaimCheck> = [
  {
    id: "S12.1",
    statement: "HPA: desired = ceil(current · currentValue / desiredValue).",
    source: "src/dynamics/autoscaling/claims.ts compareFormulaWithHpa (resourceReplicas, normalize)",
    check: s121,
  },
  {
    id: "S12.2",
    statement: "Lyapunov candidate V = (replicas − desired)²; stability requires dV/dt < 0.",
    source: "src/dynamics/simulation simulateAutoscaling → measure().lyapunov",
    check: s122,
  },
  {
    id: "S12.3",
    statement: "VM start dead time τ ≈ 60 s → Smith predictor: desired(t) = scale(metrics(t−τ)) + K_p·(metrics(t) − metrics(t−τ)).",
    source: "src/dynamics/simulation smithProposal, simulateAutoscaling; src/dynamics/autoscaling/claims.ts autoscalingTable",
    check: s123,
  },
  {
    id: "S12.4",
    statement: "Scaling kinds table: container HPA 30–60 s, VPA restart, VM HPA 2–5 min, VM vertical (hotplug) 0 s, VM migration 30–60 s.",
    source: "src/dynamics/autoscaling/claims.ts autoscalingTable (reaction times of simulateAutoscaling)",
    check: s124,
  },
]
