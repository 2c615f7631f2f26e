import type { ClaimCheck, ClaimResult } from "../../claims/Claim.ts"
import { categoryLaws } from "../../laws/category.ts"
import { exhaustive } from "../../laws/Carrier.ts"
import { runSuite } from "../../laws/Suite.ts"
import { failures } from "../../laws/Verdict.ts"
import {
  shortestRun,
  checkStateMap,
  containerStates,
  countCompletions,
  domainStates,
  freeCategory,
  podPhases,
  printableStatus,
  printableStatuses,
  productCategory,
  productLaws,
  runsUpTo,
  seedPodMachine,
  seedVmMachine,
  vmiPhases,
  type Run,
  type SeedPodState,
  type SeedVmState,
  type TransitionGraph,
  type VmObservation,
} from "../state/index.ts"

/**
 * Claims S3.1–S3.5: the seed's runtime state machines against the real ones.
 *
 * @since 0.1.0
 */

const edgeSet = <S extends string>(g: TransitionGraph<S>): Set<string> => new Set(g.transitions.map((t) => `${t.from}→${t.to}`))

/** Compares two machines over shared state names: states and transitions on one side only. */
const compareMachines = <S extends string, T extends string>(seed: TransitionGraph<S>, real: TransitionGraph<T>) => {
  const realStates = new Set<string>(real.states)
  const seedStates = new Set<string>(seed.states)
  const realEdges = edgeSet(real)
  const seedEdges = edgeSet(seed)
  return {
    statesOnlyInSeed: seed.states.filter((s) => !realStates.has(s)),
    statesOnlyInReal: real.states.filter((s) => !seedStates.has(s)),
    transitionsOnlyInSeed: [...seedEdges].filter((e) => !realEdges.has(e)),
    transitionsOnlyInReal: [...realEdges].filter((e) => !seedEdges.has(e)),
  }
}

/**
 * S3.1: the seed's Pod machine against Kubernetes' Pod phases.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkS3_1 = (): ClaimResult => {
  const diff = compareMachines(seedPodMachine, podPhases)
  const same = Object.values(diff).every((xs) => xs.length === 0)
  return {
    verdict: same ? "holds" : "fails",
    summary: same
      ? "The seed's Pod machine is Kubernetes' Pod phase machine."
      : `Differs from Kubernetes v1.35: states only in the seed ${JSON.stringify(diff.statesOnlyInSeed)} (Terminating is a deletion timestamp, not a phase), only in Kubernetes ${JSON.stringify(diff.statesOnlyInReal)}; transitions Kubernetes has and the seed lacks: ${diff.transitionsOnlyInReal.join(", ")}.`,
    evidence: { ...diff, realTerminal: podPhases.terminal, seedTerminal: seedPodMachine.terminal },
  }
}

const observation = (vmi: VmObservation["vmi"]): VmObservation => ({ deleting: false, vmi, volumes: "ready", crashLooping: false })
const vmi = (phase: NonNullable<VmObservation["vmi"]>["phase"], extra: Partial<NonNullable<VmObservation["vmi"]>> = {}) =>
  observation({ phase, paused: false, migrating: false, stopRequested: false, unschedulable: false, imagePull: "ok", ...extra })

/**
 * Real status changes of a KubeVirt VM, each a pair of consecutive controller observations,
 * run through {@link printableStatus}.
 *
 * @since 0.1.0
 * @category claims
 */
export const realVmScenarios: ReadonlyArray<{ readonly scenario: string; readonly before: VmObservation; readonly after: VmObservation }> = [
  { scenario: "guest powers itself off (VMI Succeeded)", before: vmi("Running"), after: vmi("Succeeded") },
  { scenario: "launch fails (VMI Failed while scheduling)", before: vmi("Scheduling"), after: vmi("Failed") },
  { scenario: "no node fits the launcher pod", before: vmi("Pending"), after: vmi("Scheduling", { unschedulable: true }) },
  { scenario: "VM deleted while running", before: vmi("Running"), after: { ...vmi("Running"), deleting: true } },
  { scenario: "pause", before: vmi("Running"), after: vmi("Running", { paused: true }) },
  { scenario: "stop requested", before: vmi("Running"), after: vmi("Running", { stopRequested: true }) },
]

/**
 * S3.2: the seed's VM machine against KubeVirt's derived `printableStatus`.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkS3_2 = (): ClaimResult => {
  const seedEdges = edgeSet(seedVmMachine)
  const seedStates = new Set<string>(seedVmMachine.states)
  const changes = realVmScenarios.map((s) => {
    const from = printableStatus(s.before)
    const to = printableStatus(s.after)
    const inSeed = seedStates.has(from) && seedStates.has(to) && (from === to || seedEdges.has(`${from}→${to}`))
    return { scenario: s.scenario, from, to, inSeed }
  })
  const outside = changes.filter((c) => !c.inSeed)
  const missingStatuses = printableStatuses.filter((s) => !seedStates.has(s))
  return {
    verdict: outside.length === 0 && missingStatuses.length === 0 ? "holds" : "fails",
    summary: `All ${seedVmMachine.states.length} seed states are KubeVirt printable statuses, but KubeVirt v1.9 derives the status each sync from ${printableStatuses.length} values (not a transition system), and ${outside.length} of ${changes.length} real status changes leave the seed's graph, e.g. ${outside.map((c) => `${c.from} → ${c.to} (${c.scenario})`).slice(0, 2).join("; ")}. VMI phases are ${vmiPhases.states.join(", ")}; Paused is a condition.`,
    evidence: { changes, missingStatuses, vmiPhases: vmiPhases.states },
  }
}

/**
 * S3.3: the product of the seed's Pod and VM state categories, with projections.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkS3_3 = (maxLength = 2): ClaimResult => {
  const Pod = freeCategory(seedPodMachine)
  const Vm = freeCategory(seedVmMachine)
  const P = productCategory(Pod, Vm)
  const podRuns = runsUpTo(seedPodMachine, maxLength)
  const vmRuns = runsUpTo(seedVmMachine, maxLength)
  const pairs: Array<readonly [Run<SeedPodState>, Run<SeedVmState>]> = []
  for (const f of podRuns) for (const g of vmRuns) pairs.push([f, g])
  // Arrows of the product on the carrier: pairs of runs of length ≤ 1 (composites reach length 3).
  const small: Array<readonly [Run<SeedPodState>, Run<SeedVmState>]> = []
  for (const f of runsUpTo(seedPodMachine, 1)) for (const g of runsUpTo(seedVmMachine, 1)) small.push([f, g])
  const from = (h: readonly [Run<SeedPodState>, Run<SeedVmState>]) => small.filter(([f, g]) => f.dom === h[0].cod && g.dom === h[1].cod)
  const show = (h: readonly [Run<SeedPodState>, Run<SeedVmState>]) => P.category.showArrow(h)
  const arrows = exhaustive(() => small, show)
  const composable = exhaustive(function* () {
    for (const h of small) for (const k of from(h)) yield [h, k] as const
  })
  const lawsOfProduct = runSuite(
    categoryLaws(P.category, {
      arrows,
      pairs: composable,
      triples: exhaustive(function* () {
        for (const h of small) for (const k of from(h)) for (const l of from(k)) yield [h, k, l] as const
      }),
    }),
  )
  const projections = runSuite(productLaws(P, { arrows: exhaustive(() => pairs, show), pairs: composable, components: exhaustive(() => pairs) }))
  const broken = [...failures(lawsOfProduct), ...failures(projections)]
  return {
    verdict: broken.length === 0 ? "holds" : "fails",
    summary: `Pod(seed) × VM(seed) has ${seedPodMachine.states.length}·${seedVmMachine.states.length} = ${seedPodMachine.states.length * seedVmMachine.states.length} objects; category, projection and pairing laws ${broken.length === 0 ? "hold" : "fail"} exhaustively on pairs of runs of length ≤ 1 (category laws) and ≤ ${maxLength} (projections, pairing) (the seed's R×R means PodState × VMState).`,
    evidence: {
      objects: seedPodMachine.states.length * seedVmMachine.states.length,
      checked: [...lawsOfProduct.laws, ...projections.laws].map((l) => ({ law: l.law, verdict: l._tag, ...(l._tag === "Holds" ? { coverage: l.coverage } : {}) })),
      failures: broken.map((f) => ({ law: f.law, counterexample: f.counterexample.input })),
    },
  }
}

/** The seed's η (S3.4). @since 0.1.0 @category constants */
export const seedEta: Partial<Record<SeedPodState, SeedVmState>> = { Running: "Running", Terminating: "Stopping", Pending: "Starting" }

/**
 * S3.4: is η : T_Pod → T_VM a functor (a natural transformation is ill-typed here: T_Pod and
 * T_VM are categories, not functors over a common domain)?
 *
 * @since 0.1.0
 * @category claims
 */
export const checkS3_4 = (): ClaimResult => {
  const report = checkStateMap(seedPodMachine, seedVmMachine, seedEta)
  const completions = countCompletions(seedPodMachine, seedVmMachine, seedEta)
  const strong = seedVmMachine.states.every((a) => seedVmMachine.states.every((b) => shortestRun(seedVmMachine, a, b) !== undefined))
  return {
    verdict: report.functor ? "holds" : "fails",
    summary: `η as given is not a functor: ${report.noImage.length} transitions have no image (${report.noImage.join("; ")}), since Succeeded and Failed are not mapped. Of the ${completions.completions} completions, ${completions.functors} extend to functors${strong ? " (the seed's VM graph is strongly connected, so every state map does: being a functor says little here)" : ""} and ${completions.homomorphisms} are graph homomorphisms (Pending → Terminating ↦ Starting → Stopping is not a transition). As a natural transformation the claim is ill-typed.`,
    evidence: {
      noImage: report.noImage,
      images: report.images.map((i) => ({ transition: `${i.transition.from}→${i.transition.to}`, image: i._tag })),
      completions,
      vmGraphStronglyConnected: strong,
    },
  }
}

/**
 * What S3.5 states: the CRI container states and libvirt domain states of [II.1.1], and the
 * n, m and pair count of [II.4.1] ("n = Pod states = 5", "m = VMI states = 8", O((n+m)²) = 169).
 *
 * @since 0.1.0
 * @category constants
 */
export const seedS3_5: SeedStateCounts = { containerStates: 4, domainStates: 8, n: 5, m: 8, statedPairs: 169 }

/** The numbers S3.5 states. @since 0.1.0 @category model */
export interface SeedStateCounts {
  readonly containerStates: number
  readonly domainStates: number
  readonly n: number
  readonly m: number
  readonly statedPairs: number
}

/** The model's state counts S3.5 is checked against. @since 0.1.0 @category model */
export interface StateCounts {
  /** Kubernetes' ContainerState (Waiting, Running, Terminated). */
  readonly container: number
  readonly pod: number
  /** libvirt domain states (the seed's "VM domain state" and its m). */
  readonly domain: number
}

/**
 * S3.5 from the seed's numbers and the model's machines. The combined system runs a Pod's
 * machine and a VM's machine at once, so its states are the product (pod · domain) and the
 * pairs to verify are that product squared; the seed's (n+m)² counts the disjoint union (a
 * system that is one or the other). `inconsistent` when the seed's own arithmetic is wrong,
 * `fails` when its count differs from the product's, `holds` when they agree.
 *
 * @since 0.1.0
 * @category claims
 */
export const stateCountVerdict = (counts: StateCounts, seed: SeedStateCounts = seedS3_5): ClaimResult => {
  const seedArithmetic = (seed.n + seed.m) ** 2
  const productStates = counts.pod * counts.domain
  const productPairs = productStates ** 2
  const verdict = seedArithmetic !== seed.statedPairs ? "inconsistent" : productPairs === seed.statedPairs ? "holds" : "fails"
  return {
    verdict,
    summary:
      `The seed's counts are of different machines, not contradictory: its ${seed.containerStates} container states are CRI's (created, running, exited, unknown; Kubernetes' ContainerState has ${counts.container}), ` +
      `its n = ${seed.n} counts Pod phases (the model has ${counts.pod}) and its m = ${seed.m} libvirt domain states (the model has ${counts.domain}). ` +
      (verdict === "inconsistent"
        ? `But (${seed.n}+${seed.m})² = ${seedArithmetic}, not the ${seed.statedPairs} stated.`
        : `(${seed.n}+${seed.m})² = ${seedArithmetic} squares the disjoint union, a system that is a Pod or a VM; the combined system runs both machines, a product of ${counts.pod}·${counts.domain} = ${productStates} states, so ${productStates}² = ${productPairs} state pairs${verdict === "holds" ? ", as stated" : `, not ${seed.statedPairs}`}.`),
    evidence: { seed, counts, seedArithmetic, productStates, productPairs, disjointUnionPairs: (counts.pod + counts.domain) ** 2 },
  }
}

/**
 * S3.5: state counts and the 169 pairs, from the machines of the model.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkS3_5 = (): ClaimResult => {
  const r = stateCountVerdict({ container: containerStates.states.length, pod: podPhases.states.length, domain: domainStates.length })
  return {
    ...r,
    evidence: {
      ...(r.evidence as object),
      containerStates: containerStates.states,
      podPhases: podPhases.states,
      domainStates,
      seedPodMachineStates: seedPodMachine.states.length,
      seedVmMachineStates: seedVmMachine.states.length,
    },
  }
}

/**
 * The checks of S3.
 *
 * @since 0.1.0
 * @category claims
 */
export const s3Claims: ReadonlyArray<ClaimCheck> = [
  { id: "S3.1", statement: "Pod: Pending → Running → Succeeded | Failed; any → Terminating", source: "src/domain/claims/s3.ts#checkS3_1", check: checkS3_1 },
  { id: "S3.2", statement: "VM: Stopped → Starting → Running ⇄ Paused | Migrating; Running → Stopping → Stopped", source: "src/domain/claims/s3.ts#checkS3_2", check: checkS3_2 },
  { id: "S3.3", statement: "Product category of (PodState, VMState) with projections", source: "src/domain/claims/s3.ts#checkS3_3", check: () => checkS3_3() },
  { id: "S3.4", statement: "η: T_Pod → T_VM natural transformation (Running↦Running, Terminating↦Stopping, Pending↦Starting)", source: "src/domain/claims/s3.ts#checkS3_4", check: checkS3_4 },
  { id: "S3.5", statement: "Container 4 states vs VM domain 8; (5+8)² = 169 state pairs", source: "src/domain/claims/s3.ts#checkS3_5", check: checkS3_5 },
]
