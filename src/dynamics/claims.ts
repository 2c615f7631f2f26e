/**
 * Verdicts for S4 (start-up latency), S7.4–S7.5 (health chain and MDP) and S13 (live migration),
 * computed by running the models in `startup/`, `markov/`, `mdp/` and `migration/`.
 *
 * @since 0.1.0
 */
import type { ClaimCheck, ClaimResult } from "../claims/Claim.ts"
import {
  type LatencyStatement,
  containerStart,
  exponential,
  fitFamilies,
  fitLogNormal,
  fitShiftedExponential,
  ksTest,
  maximalUnimodalVarianceOnRange,
  maximalVarianceOnRange,
  quantileRatioBound,
  rangeRatioBound,
  readyWindows,
  sampleMany,
  kubernetesScaleUpDeadline,
  scaleUpTimeoutSeconds,
  timeoutProbability,
  violationProbability,
  vmStart,
  windowProbability,
} from "./startup/index.ts"
import { makeRng } from "./random/index.ts"
import {
  type ExactChain,
  type HealthVariant,
  Rational,
  containerHealth,
  expectedAvailable,
  expectedHittingTimes,
  seedHealthChain,
  stationaryExact,
  stationaryIterative,
  vmHealth,
} from "./markov/index.ts"
import { decideAtUnhealthy, healthMdp, policyIteration, showPolicy, sweep, switchingPoint, valueIteration } from "./mdp/index.ts"
import { activeWhileRunning, describeOutcome, diverges, eventuallySucceeds, simulateMigration } from "./migration/index.ts"
import { idleDecisions, idleState, migrationMdp, solveMigrationMdp, sweepMigration } from "./mdp/MigrationMdp.ts"

const round = (x: number, digits = 4): number => Number(x.toPrecision(digits))

/** The range is read as a 90% interval (the seed gives no level); used for S4.1 and S4.3. */
const RANGE_LEVEL = 0.9

/** The seed of the KS demonstration in S4.1's evidence. */
const KS_SEED = 20261127

const fitsOf = (statement: LatencyStatement) =>
  fitFamilies(statement, RANGE_LEVEL).map((f) => ({
    family: f.family,
    parameters: Object.fromEntries(Object.entries(f.parameters).map(([k, v]) => [k, round(v, 6)])),
    meanResidual: round(f.meanResidual),
    varianceResidual: round(f.varianceResidual),
    massInRange: round(f.massInRange),
    matchesMoments: f.matchesMoments,
    consistent: f.consistent,
  }))

const containerFit = fitShiftedExponential(containerStart.mean, containerStart.variance)
const vmFit = fitLogNormal(vmStart.mean, vmStart.variance)

const stationaryEvidence = (chain: ExactChain) => {
  const exact = stationaryExact(chain)
  const iterative = stationaryIterative(chain)
  const healthy = [0]
  return {
    closedClasses: exact.structure.closedClasses.map((k) => exact.structure.classes[k]!.states.map((s) => chain.states[s])),
    transient: exact.structure.transientStates.map((s) => chain.states[s]),
    absorbing: exact.structure.absorbingStates.map((s) => chain.states[s]),
    unique: exact.unique,
    extremePoints: exact.extremePoints.map((pi) => ({
      pi: pi.map(Rational.show),
      piApprox: pi.map((x) => round(Rational.toNumber(x), 6)),
      expectedAvailablePerBackend: Rational.show(expectedAvailable(pi, healthy)),
    })),
    iterativeMaxDeviation: Math.max(
      ...exact.extremePoints.flatMap((pi, k) => pi.map((x, i) => Math.abs(Rational.toNumber(x) - iterative.extremePoints[k]![i]!))),
    ),
    expectedStepsToHealthy: expectedHittingTimes(chain, healthy).map((t, i) => [chain.states[i], t === "infinite" ? t : Rational.show(t)]),
  }
}

/**
 * S4.2 from two latency statements (the seed's by default): ∃k>0 ∀r: T_v(r) ≥ k·T_c(r) + C_io(r).
 * C_io is missing from the seed, so at best the claim is open; but C_io ≥ 0 only makes it harder,
 * so when even C_io = 0 leaves no k > 0 on the stated ranges (slowest container ≥ fastest VM)
 * the claim fails whatever C_io is.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkS4_2 = (vm: LatencyStatement = vmStart, container: LatencyStatement = containerStart): ClaimResult => {
  const vmFit = fitLogNormal(vm.mean, vm.variance)
  const containerFit = fitShiftedExponential(container.mean, container.variance)
  const levels = [1e-6, 1e-4, 1e-3, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999]
  const byQuantile = quantileRatioBound(vmFit, containerFit, 0, levels)
  const violation = [1, 5, 10].map((k) => ({ k, probability: round(violationProbability(vmFit, containerFit, k, 0)) }))
  const bestK = rangeRatioBound(vm.range, container.range, 0)
  return {
    verdict: bestK > 0 ? "underdetermined" : "fails",
    summary:
      `C_io(r) and the storage bandwidth are not given, nor how T_v, T_c depend on r. With C_io = 0 the stated ranges allow k up to ` +
      `${bestK} (${vm.range[0]} s ≥ k·${container.range[1]} s)${bestK > 0 ? "" : ", so no k > 0 exists whatever C_io ≥ 0 is"}; under the fitted distributions no k > 0 holds surely: ` +
      `P(T_v < k·T_c) = ${violation.map((v) => `${v.probability} at k=${v.k}`).join(", ")} (independent draws).`,
    evidence: {
      missing: ["C_io(r)", "storage bandwidth", "dependence of T_v, T_c on the request r"],
      rangeBoundK: { cIo: 0, k: bestK, formula: `(${vm.range[0]} − C_io) / ${container.range[1]}` },
      quantileBoundK: { levels, k: round(byQuantile.k), attainedAt: byQuantile.attainedAt, note: "→ 0 as p → 0: the log-normal has mass near 0, the shifted exponential does not" },
      violationProbability: violation,
    },
  }
}

/**
 * S13.1 on one workload (the seed's 4 GiB example by default): "holds" when the simulated run
 * walks the stated steps — pre-copy rounds where each round resends what the previous one
 * dirtied, then stop-and-copy, then the target running — and "fails" with the outcome when the
 * run takes another course (aborted, or phases out of order).
 *
 * @since 0.1.0
 * @category claims
 */
export const checkS13_1 = (
  workload: Parameters<typeof simulateMigration>[0] = { memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 256 },
): ClaimResult => {
  const example = simulateMigration(workload)
  const phases = example.phases.map((p) => p.phase)
  const rounds = example.roundLog
  const iterates = rounds.every((r, i) => i === 0 || r.sentMiB === rounds[i - 1]!.dirtiedMiB)
  const stated = phases.join(" → ") === "PreCopy → StopAndCopy → TargetRunning" && rounds.length > 0 && iterates
  return {
    verdict: stated ? "holds" : "fails",
    summary: stated
      ? `Pre-copy with KubeVirt v1.9 defaults. ${workload.memoryMiB} MiB at ${workload.bandwidthMiBps} MiB/s, ${workload.dirtyRateMiBps} MiB/s dirty, 300 ms limit: ${describeOutcome(example)}.`
      : `The simulated run does not follow the stated steps (${phases.join(" → ")}): ${describeOutcome(example)}.`,
    evidence: {
      outcome: example._tag,
      phases,
      rounds: rounds.map((r) => ({ round: r.round, seconds: r.seconds, sentMiB: r.sentMiB, dirtiedMiB: r.dirtiedMiB })),
      totalSeconds: example._tag === "Completed" ? example.totalSeconds : null,
      downtimeSeconds: example._tag === "Completed" ? example.downtimeSeconds : null,
      dataSentMiB: example.dataSentMiB,
    },
  }
}

/** Kubernetes' deadline behaviour, as `kubernetesScaleUpDeadline` states it. @since 0.1.0 @category model */
export interface ScaleUpDeadline {
  readonly progressDeadlineSeconds: number
  readonly automaticRollback: boolean
  readonly condition: string
}

/**
 * S4.4 from its evidence: the seed's timed automaton (deadline 5 min, then roll back) against
 * what Kubernetes does. `holds` when Kubernetes' deadline is the seed's and it rolls back on its
 * own, `fails` otherwise; the probabilities say how often the seed's automaton would fire under
 * S4.1's start-up fits.
 *
 * @since 0.1.0
 * @category claims
 */
export const scaleUpTimeoutVerdict = (
  seedSeconds: number,
  upstream: ScaleUpDeadline,
  rows: ReadonlyArray<{ readonly replicas: number; readonly vm: number; readonly container: number }>,
  distributions: unknown,
): ClaimResult => {
  const ok = upstream.progressDeadlineSeconds === seedSeconds && upstream.automaticRollback
  const row = (n: number) => rows.find((r) => r.replicas === n)
  const last = rows[rows.length - 1]
  return {
    verdict: ok ? "holds" : "fails",
    summary:
      `Kubernetes has ${ok ? "this timeout" : `no ${seedSeconds / 60}-minute scale-up timeout with rollback`}: a Deployment's progressDeadlineSeconds defaults to ${upstream.progressDeadlineSeconds} s` +
      `${upstream.automaticRollback ? " and rolls back" : ` and then only reports ${upstream.condition}; nothing rolls back on its own`}, and the HPA and VMI ReplicaSet have no deadline. ` +
      `Were the seed's automaton real, under the VM log-normal one VM start would exceed ${seedSeconds} s with probability ${row(1)?.vm}, a scale-up of 10 VMs with ${row(10)?.vm}, of ${last?.replicas} VMs ${last?.vm}; container starts essentially never (${last?.container.toExponential(2)} for ${last?.replicas}).`,
    evidence: { timeoutSeconds: seedSeconds, kubernetes: upstream, distributions, rows },
  }
}

/** What S7.5's verdict rests on. @since 0.1.0 @category model */
export interface HealthMdpEvidence {
  /** The container's optimum at Unhealthy is Restart, under the model's assumptions. */
  readonly containerHolds: boolean
  /** The VM's optimum at Unhealthy is Migrate, under the model's assumptions. */
  readonly vmHolds: boolean
  /** Assumption cells tried (restart penalty × self-recovery). */
  readonly gridCells: number
  /** The restart penalties of the grid. */
  readonly restartPenalties: ReadonlyArray<number>
  /** Cells where Migrate is the VM's optimum at the seed's C_migrate = −5. */
  readonly gridCellsWhereVmMigrates: number
}

/**
 * S7.5 from its evidence. The seed gives rewards, γ and C_migrate but no transition
 * probabilities, so the optimum depends on assumptions (A1–A4). `holds` when both claimed
 * optima come out under the model's assumptions; `fails` when one does not and no cell of the
 * assumption grid makes it come out either; `underdetermined` when some cell would.
 *
 * @since 0.1.0
 * @category claims
 */
export const healthMdpVerdict = (e: HealthMdpEvidence): ClaimResult => {
  const verdict = e.containerHolds && e.vmHolds ? "holds" : e.gridCellsWhereVmMigrates > 0 || e.vmHolds ? "underdetermined" : "fails"
  return {
    verdict,
    summary:
      verdict === "holds"
        ? "Both claimed optima come out."
        : verdict === "fails"
          ? `The seed states no transition probabilities, so A1–A4 are this model's; the verdict is fails, not underdetermined, because none of the ${e.gridCells} assumption cells tried (restart penalty ${Math.max(...e.restartPenalties)} to ${Math.min(...e.restartPenalties)}, with and without self-recovery) makes Migrate optimal at the seed's −5.`
          : `The seed states no transition probabilities, and the assumptions decide: at the seed's −5 Migrate is optimal in ${e.gridCellsWhereVmMigrates} of ${e.gridCells} assumption cells.`,
    evidence: e,
  }
}

/** What the operator MDP part of S13.1 rests on. @since 0.1.0 @category model */
export interface MigrationMdpEvidence {
  /** States of the operator MDP. */
  readonly states: number
  /** States where value iteration's action is worse than policy iteration's (ties excluded). */
  readonly disagreements: ReadonlyArray<string>
  /** max over states of |V_VI − V_PI|. */
  readonly maxValueDifference: number
  /** The largest value difference still read as agreement. */
  readonly valueTolerance: number
  readonly bandwidthMiBps: number
  readonly samplesPerLevel: number
  /** The highest dirty level, where plain pre-copy is tested. */
  readonly high: { readonly name: string; readonly lowMiBps: number; readonly highMiBps: number }
  /** Fraction of the simulated runs at the high level that completed, without and with auto-converge. */
  readonly plainConvergesAtHigh: number
  readonly throttleConvergesAtHigh: number
  /** Epochs left before the deadline at which the optimum in the idle state at the high level is each action. */
  readonly throttleAtHigh: ReadonlyArray<number>
  readonly waitAtHigh: ReadonlyArray<number>
  readonly migrateAtHigh: ReadonlyArray<number>
  /** Where a watched state's optimum changes over the bandwidth grid. */
  readonly bandwidthFlips: ReadonlyArray<{ readonly state: string; readonly from: string; readonly to: string; readonly between: readonly [number, number] }>
}

/** 100·x rounded to 0.1, so a fraction of runs prints without float noise. */
const percent = (fraction: number): number => Math.round(fraction * 1000) / 10

/**
 * The operator MDP part of S13.1 from its evidence. The seed states no operator policy, so there
 * is no optimum to check it against: `modelled` when value and policy iteration agree (no state
 * where one's action is worse and values within the tolerance), `underdetermined` when they do
 * not, since the optimum the summary reports is then not settled.
 *
 * @since 0.1.0
 * @category claims
 */
export const migrationMdpVerdict = (e: MigrationMdpEvidence): ClaimResult & { readonly evidence: MigrationMdpEvidence & { readonly agree: boolean } } => {
  const agree = e.disagreements.length === 0 && e.maxValueDifference < e.valueTolerance
  const runs = (fraction: number) => `${Math.round(fraction * e.samplesPerLevel)} of ${e.samplesPerLevel} simulated runs (${percent(fraction)} %)`
  return {
    verdict: agree ? "modelled" : "underdetermined",
    summary:
      `Operator MDP (${e.states} states; wait / migrate / throttle / abort; A1–A6 stated in MigrationMdp.ts), value and policy iteration ` +
      (agree
        ? "agree. "
        : `DISAGREE (${e.disagreements.length} state${e.disagreements.length === 1 ? "" : "s"} with a worse action, values up to ${e.maxValueDifference} apart against a tolerance of ${e.valueTolerance}), so the optimum below is not settled. `) +
      `At the ${e.high.name} dirty level (${e.high.lowMiBps}–${e.high.highMiBps} MiB/s over ${e.bandwidthMiBps} MiB/s) ` +
      `plain pre-copy completed in ${runs(e.plainConvergesAtHigh)}${e.plainConvergesAtHigh === 0 ? ': "iterate while dirty > threshold" does not end there' : ""}; ` +
      `with auto-converge in ${runs(e.throttleConvergesAtHigh)}. Optimal at idle/${e.high.name}: throttle with ${JSON.stringify(e.throttleAtHigh)} epochs left, ` +
      `wait with ${JSON.stringify(e.waitAtHigh)}, migrate with ${JSON.stringify(e.migrateAtHigh)}` +
      (e.bandwidthFlips.length === 0
        ? "; no flip over bandwidth."
        : `; flips over bandwidth: ${e.bandwidthFlips.map((f) => `${f.state} ${f.from}→${f.to} in (${f.between[0]}, ${f.between[1]}]`).join("; ")}.`),
    evidence: { ...e, agree },
  }
}

/** @since 0.1.0 @category claims */
export const claims: ReadonlyArray<ClaimCheck> = [
  {
    id: "S4.1",
    statement: "Container start 1–3 s, mean 1.8 s, variance 0.5, exponential; VM start 30–180 s, mean 75 s, variance 2500, log-normal.",
    source: "src/dynamics/startup/Fit.ts fitFamilies; KolmogorovSmirnov.ts ksTest",
    check: () => {
      const container = fitsOf(containerStart)
      const vm = fitsOf(vmStart)
      const statedContainer = container.find((f) => f.family === containerStart.statedFamily)!
      const statedVm = vm.find((f) => f.family === vmStart.statedFamily)!
      const samples = sampleMany(containerFit, 2000, makeRng(KS_SEED))
      const ksRight = ksTest(samples, containerFit)
      const ksWrong = ksTest(samples, exponential(1 / containerStart.mean))
      const consistentNames = (fs: typeof container) => fs.filter((f) => f.consistent).map((f) => f.family)
      const inconsistent = !statedContainer.matchesMoments || !statedVm.matchesMoments || !statedContainer.consistent || !statedVm.consistent
      return {
        verdict: inconsistent ? "inconsistent" : "holds",
        summary:
          `An exponential with mean 1.8 has variance 3.24, not 0.5, so the container numbers contradict "exponential"; a shifted exponential ` +
          `(shift ${round(containerFit.parameters["shift"]!)} s, rate ${round(containerFit.parameters["rate"]!)}/s) matches both moments with ` +
          `${container.find((f) => f.family === "shifted-exponential")!.massInRange} of its mass in 1–3 s. The VM log-normal ` +
          `(μ ${round(vmFit.parameters["mu"]!)}, σ ${round(vmFit.parameters["sigma"]!)}) matches the moments but puts only ${statedVm.massInRange} in 30–180 s. ` +
          `Consistent at the ${RANGE_LEVEL} level: container ${JSON.stringify(consistentNames(container))}, VM ${JSON.stringify(consistentNames(vm))}.`,
        evidence: {
          rangeLevel: RANGE_LEVEL,
          container: {
            fits: container,
            maxVarianceAnyDistributionOnRange: maximalVarianceOnRange(containerStart.mean, ...containerStart.range),
            maxVarianceUnimodalOnRange: round(maximalUnimodalVarianceOnRange(...containerStart.range)),
          },
          vm: {
            fits: vm,
            maxVarianceAnyDistributionOnRange: maximalVarianceOnRange(vmStart.mean, ...vmStart.range),
            maxVarianceUnimodalOnRange: round(maximalUnimodalVarianceOnRange(...vmStart.range)),
          },
          kolmogorovSmirnov: {
            seed: KS_SEED,
            n: samples.length,
            samplesFrom: "shifted-exponential fit",
            againstShiftedExponential: { D: round(ksRight.statistic), pValue: round(ksRight.pValue), rejected: ksRight.rejected },
            againstExponentialMean1_8: { D: round(ksWrong.statistic), pValue: ksWrong.pValue, rejected: ksWrong.rejected },
          },
        },
      }
    },
  },
  {
    id: "S4.2",
    statement: "∃k>0 ∀r: T_v(r) ≥ k·T_c(r) + C_io(r), C_io inversely proportional to storage bandwidth.",
    source: "src/dynamics/startup/Latency.ts rangeRatioBound, quantileRatioBound, violationProbability",
    check: () => checkS4_2(),
  },
  {
    id: "S4.3",
    statement: "Ready-time windows: container t_ready ∈ [1,5] s; VM ∈ [60,180] s; VM migration ∈ [30,60] s.",
    source: "src/dynamics/startup/Latency.ts windowProbability; src/dynamics/migration/PreCopy.ts simulateMigration",
    check: () => {
      const container = windowProbability(containerFit, readyWindows.container)
      const vm = windowProbability(vmFit, readyWindows.vm)
      const vmBelow = vmFit.cdf(readyWindows.vm[0])
      const example = simulateMigration({ memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 256 })
      const ok = container >= RANGE_LEVEL && vm >= RANGE_LEVEL
      return {
        verdict: ok ? "holds" : "inconsistent",
        summary:
          `Under S4.1's own fits, P(container ready in [1,5] s) = ${round(container)} but P(VM ready in [60,180] s) = ${round(vm)}: ` +
          `${round(vmBelow)} of VM starts are faster than 60 s (S4.1 says 30–180 s, mean 75 s). The migration window has no distribution in ` +
          `the seed; the pre-copy model's 4 GiB example takes ${round(example._tag === "Completed" ? example.totalSeconds : NaN)} s.`,
        evidence: {
          rangeLevel: RANGE_LEVEL,
          containerWindow: { window: readyWindows.container, family: containerFit.family, probability: round(container, 6) },
          vmWindow: { window: readyWindows.vm, family: vmFit.family, probability: round(vm, 6), belowWindow: round(vmBelow, 6) },
          vmWindowUnderShiftedExponential: round(windowProbability(fitShiftedExponential(vmStart.mean, vmStart.variance), readyWindows.vm), 6),
          migrationWindow: { window: readyWindows.vmMigration, modelExample: describeOutcome(example) },
        },
      }
    },
  },
  {
    id: "S4.4",
    statement: "A scale-up times out at 5 min and rolls back.",
    source: "src/dynamics/startup/Latency.ts timeoutProbability",
    check: () =>
      scaleUpTimeoutVerdict(
        scaleUpTimeoutSeconds,
        kubernetesScaleUpDeadline,
        [1, 10, 100].map((replicas) => ({
          replicas,
          vm: round(timeoutProbability(vmFit, scaleUpTimeoutSeconds, replicas)),
          container: timeoutProbability(containerFit, scaleUpTimeoutSeconds, replicas),
        })),
        { vm: vmFit.parameters, container: containerFit.parameters },
      ),
  },
  {
    id: "S7.4",
    statement: "Backend health Markov chain H/U/S/T; container P(S→H)=0.95, VM 0.7; stationary π = πP; E[available] = Σ_healthy π.",
    source: "src/dynamics/markov/Stationary.ts stationaryExact; Health.ts healthVariant",
    check: () => {
      const variants: ReadonlyArray<HealthVariant> = [{ runtime: "seed", chain: seedHealthChain, assumption: "the seed's matrix as written" }, containerHealth, vmHealth]
      const evidence = variants.map((v) => ({ runtime: v.runtime, assumption: v.assumption, ...stationaryEvidence(v.chain) }))
      const seed = evidence[0]!
      return {
        verdict: seed.unique ? "holds" : "underdetermined",
        summary:
          `Terminating is absorbing and unreachable from H, U, S: two closed classes, so π = πP has two extreme solutions, ` +
          `π₁ = (${seed.extremePoints[0]!.pi.join(", ")}) and π₂ = (0, 0, 0, 1); E[available] is ${seed.extremePoints[0]!.expectedAvailablePerBackend} ` +
          `per backend under π₁ (every backend not yet terminating) and 0 under π₂. The seed's "the" stationary π needs the initial mass on Terminating. ` +
          `Container variant: ${evidence[1]!.extremePoints[0]!.expectedAvailablePerBackend}; VM variant: ${evidence[2]!.extremePoints[0]!.expectedAvailablePerBackend}.`,
        evidence,
      }
    },
  },
  {
    id: "S7.5",
    statement: "Health MDP: rewards H +1, U −1, S 0; γ = 0.9; C_migrate = −5; optimal policies container → Restart, VM → Migrate.",
    source: "src/dynamics/mdp/HealthMdp.ts healthMdp; Sensitivity.ts decideAtUnhealthy, switchingPoint",
    check: () => {
      const runs = (["container", "vm"] as const).map((runtime) => {
        const { mdp, parameters } = healthMdp({ runtime })
        const vi = valueIteration(mdp, { epsilon: 1e-9 })
        const pi = policyIteration(mdp)
        const claimed = runtime === "container" ? "Restart" : "Migrate"
        const decision = decideAtUnhealthy({ runtime }, claimed)
        return {
          runtime,
          claimed,
          parameters,
          valueIterationPolicy: showPolicy(mdp, vi.policy),
          policyIterationPolicy: showPolicy(mdp, pi.policy),
          agree: vi.policy.every((a, i) => a === pi.policy[i]),
          values: Object.fromEntries(mdp.states.map((s, i) => [s, round(pi.values[i]!, 6)])),
          decisionAtUnhealthy: decision.action,
          q: Object.fromEntries(Object.entries(decision.q).map(([a, v]) => [a, round(v, 6)])),
          holds: decision.action === claimed,
        }
      })
      const container = runs[0]!
      const vm = runs[1]!
      const migrateCostSwitch = switchingPoint("vm", "migrateCost", -20, 0, "Migrate", {}, 1e-6)
      const grid = [0, -5, -10, -20].flatMap((restartCost) =>
        [0.3, 0].map((unhealthyToHealthy) => ({
          restartCost,
          unhealthyToHealthy,
          byMigrateCost: sweep("vm", "migrateCost", [-5, -2, -1, -0.5, 0], "Migrate", { restartCost, unhealthyToHealthy }).map((p) => `${p.value}:${p.action}`),
        })),
      )
      const sensitivity = {
        vmMigrateCostAboveWhichMigrateIsOptimal: migrateCostSwitch === undefined ? null : round(migrateCostSwitch, 6),
        containerStartToHealthyAboveWhichRestartIsOptimal: round(switchingPoint("container", "startToHealthy", 0.01, 1, "Restart", {}, 1e-6) ?? NaN, 6),
        containerRestartCostAboveWhichRestartIsOptimal: round(switchingPoint("container", "restartCost", -20, 0, "Restart", {}, 1e-6) ?? NaN, 6),
        vmGrid: grid,
      }
      const migratesAtSeedCost = grid.filter((g) => g.byMigrateCost[0] === "-5:Migrate")
      const r = healthMdpVerdict({ containerHolds: container.holds, vmHolds: vm.holds, gridCells: grid.length, restartPenalties: [...new Set(grid.map((g) => g.restartCost))], gridCellsWhereVmMigrates: migratesAtSeedCost.length })
      return {
        verdict: r.verdict,
        summary:
          `Under this model's assumptions (A1–A4 in HealthMdp.ts) value and policy iteration ${container.agree && vm.agree ? "agree" : "DISAGREE"}: at Unhealthy the container's optimum is ` +
          `${container.decisionAtUnhealthy} (claim ${container.holds ? "holds" : "fails"}) and the VM's is ${vm.decisionAtUnhealthy}${vm.holds ? " (claim holds)" : ", not Migrate"} ` +
          `(Q: ${JSON.stringify(vm.q)}). Migrate becomes optimal only when C_migrate > ${sensitivity.vmMigrateCostAboveWhichMigrateIsOptimal}. ` +
          r.summary,
        evidence: { runs, sensitivity, gridCellsWhereVmMigrates: migratesAtSeedCost.length },
      }
    },
  },
  {
    id: "S13.1",
    statement: "Pre-copy: check preconditions, copy memory, iterate while dirty pages > threshold, stop-and-copy, resume on target.",
    source: "src/dynamics/migration/PreCopy.ts simulateMigration",
    check: () => checkS13_1(),
  },
  {
    id: "S13.2",
    statement: "□(preconditions → ◇ succeeded); □(migration active → ¬ vmi.running).",
    source: "src/dynamics/migration/Invariants.ts eventuallySucceeds, activeWhileRunning",
    check: () => {
      const converging = simulateMigration({ memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 256 })
      const phaseReading = activeWhileRunning(converging, "vmi-phase")
      const guestReading = activeWhileRunning(converging, "guest-executing")
      const workloads = [
        { memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 256 },
        { memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 1536 },
      ]
      const liveness = eventuallySucceeds(workloads)
      const cx = liveness.counterexample
      return {
        verdict: liveness.holds && phaseReading === undefined && guestReading === undefined ? "holds" : "fails",
        summary:
          `Both invariants fail. ${cx === undefined ? "" : `A migratable VM dirtying ${cx.workload.dirtyRateMiBps} MiB/s over a ${cx.workload.bandwidthMiBps} MiB/s link (diverges: ${diverges(cx.workload)}) is ${describeOutcome(cx.outcome)}, so ◇ succeeded is false. `}` +
          `During pre-copy [${guestReading?.start ?? "?"}, ${guestReading?.end ?? "?"}] s the migration is active while the guest runs (and the VMI phase stays Running ` +
          `throughout, stop-and-copy included); only stop-and-copy has the guest paused.`,
        evidence: {
          liveness: cx === undefined ? { holds: true } : { holds: false, workload: cx.workload, outcome: cx.outcome._tag, reason: cx.outcome._tag === "Aborted" ? cx.outcome.reason : null, at: cx.outcome._tag === "Aborted" ? cx.outcome.abortedAt : null },
          activeWhileRunning: { vmiPhaseReading: phaseReading ?? null, guestExecutingReading: guestReading ?? null },
          phases: converging.phases.map((p) => ({ ...p, end: Number.isFinite(p.end) ? p.end : "∞" })),
        },
      }
    },
  },
  {
    id: "S13.3",
    statement: "Extension matrix: live migration, GPU passthrough, snapshots, checkpoints, hotplug, confidential computing: container vs VM support.",
    source: "src/dynamics/migration/PreCopy.ts simulateMigration",
    check: () => ({
      verdict: "underdetermined",
      summary:
        "A feature table, not a checkable statement of the models: only the live-migration row has a model here (VM pre-copy, S13.1); GPU, snapshot, checkpoint, hotplug and confidential-computing support are product facts outside them.",
      evidence: { modelledRows: ["live migration (VM)"], unmodelledRows: ["GPU passthrough", "snapshots", "checkpoints", "hotplug", "confidential computing"] },
    }),
  },
  {
    id: "S13.1",
    statement: "Pre-copy: check preconditions, copy memory, iterate while dirty pages > threshold, stop-and-copy, resume on target.",
    source: "src/dynamics/mdp/MigrationMdp.ts migrationMdp, solveMigrationMdp, idleDecisions, sweepMigration",
    check: () => {
      // The operator's side of S13.1: when to start, throttle or abort the iteration (assumptions A1–A6 in MigrationMdp.ts).
      const built = migrationMdp()
      const solution = solveMigrationMdp(built)
      const decisions = idleDecisions(built)
      const high = built.parameters.levels[built.parameters.levels.length - 1]!
      const highStats = built.statistics[built.statistics.length - 1]!
      const atHigh = decisions.filter((d) => d.level === high.name)
      const by = (action: string) => atHigh.filter((d) => d.action === action).map((d) => d.left)
      const watch = [idleState(high.name, 12), idleState(high.name, 6)]
      const bandwidth = sweepMigration("bandwidthMiBps", [512, 768, 1024, 1536, 2048, 4096], watch)
      const throttleWeight = sweepMigration("throttleWeight", [0, 0.5, 1, 2, 4, 8], watch)
      const r = migrationMdpVerdict({
        states: built.mdp.states.length,
        disagreements: solution.disagreements,
        maxValueDifference: solution.maxValueDifference,
        valueTolerance: 1e-6,
        bandwidthMiBps: built.parameters.bandwidthMiBps,
        samplesPerLevel: built.parameters.samplesPerLevel,
        high: { name: high.name, lowMiBps: high.lowMiBps, highMiBps: high.highMiBps },
        plainConvergesAtHigh: highStats.migrate.completedFraction,
        throttleConvergesAtHigh: highStats.throttle.completedFraction,
        throttleAtHigh: by("throttle"),
        waitAtHigh: by("wait"),
        migrateAtHigh: by("migrate"),
        bandwidthFlips: bandwidth.flips,
      })
      return {
        verdict: r.verdict,
        summary: r.summary,
        evidence: {
          // what the verdict and summary are computed from, then the rest of the model's output
          ...r.evidence,
          parameters: built.parameters,
          seed: built.parameters.seed,
          statistics: built.statistics.map((l) => ({
            level: l.migrate.level,
            migrate: { hazard: Array.from(l.migrate.hazard, (h) => round(h)), completed: l.migrate.completedFraction, downtime: round(l.migrate.meanDowntimeSeconds) },
            throttle: { hazard: Array.from(l.throttle.hazard, (h) => round(h)), completed: l.throttle.completedFraction, downtime: round(l.throttle.meanDowntimeSeconds), meanThrottle: round(l.throttle.meanThrottle) },
          })),
          // The rest of the optimal policy: the running pre-copies the operator should abort.
          abortStates: Object.entries(solution.policy).filter(([, a]) => a === "abort").map(([state]) => state),
          idleDecisions: decisions.map((d) => ({ level: d.level, left: d.left, action: d.action, q: Object.fromEntries(Object.entries(d.q).map(([a, v]) => [a, round(v, 6)])) })),
          sweeps: { bandwidthMiBps: bandwidth, throttleWeight },
        },
      }
    },
  },
]
