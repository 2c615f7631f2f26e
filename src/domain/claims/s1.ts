import * as E from "fp-ts/lib/Either.js"
import * as fc from "fast-check"
import { compose, show, type AnyArrow } from "../../category/Arrow.ts"
import { curryingIso, exponential, finSet } from "../../category/finset/index.ts"
import type { ClaimCheck, ClaimResult } from "../../claims/Claim.ts"
import { runConfig } from "../../laws/RunConfig.ts"
import { clusterArbitrary } from "../arbitraries/cluster.ts"
import {
  capabilityConstructions,
  capacityViolations,
  checkFullFaithful,
  compatibilityFunctor,
  containerize,
  exampleCluster,
  exampleContainers,
  exampleMachines,
  exampleVms,
  firstFit,
  fitsIn,
  footprint,
  injectPodArrow,
  injectVmiArrow,
  isomorphismDegree,
  podSpecFields,
  residual,
  scheduleArrow,
  totalPool,
  unwrap,
  unwrapVm,
  virtualize,
  vmiSpecFields,
  wayBelow,
  wrap,
  wrapArrow,
  wrapVm,
  wrapVmArrow,
  containerizeArrow,
  virtualizeArrow,
  type Machine,
} from "../cluster/index.ts"
import { virtLauncherPod } from "../kubevirt/virtLauncherPod.ts"
import { vmiSpec } from "../kubevirt/VmiSpec.ts"
import { resourceArrow, ResourceOrder } from "../resources/ResourceOrder.ts"
import { addResources, resources, toRecord, type ResourceVector } from "../resources/ResourceVector.ts"

/**
 * Claims S1.1–S1.9: the base category of the cluster, each verdict computed on the embedded
 * example cluster, on generated clusters, or on FinSet.
 *
 * @since 0.1.0
 */

const Mi = 1024n * 1024n
const Gi = 1024n * Mi
const SOURCE = "src/domain/claims/s1.ts"

const recordOf = (r: ReadonlyMap<string, bigint>): Record<string, string> => toRecord(r)

/** S1.1: the five kinds of object, with resources. @since 0.1.0 @category claims */
export const checkS1_1 = (containers: typeof exampleContainers = exampleContainers, vms: typeof exampleVms = exampleVms): ClaimResult => {
  const kinds = { P: exampleMachines.length, C: containers.length, V: vms.length, Pod: 0, VMI: 0 }
  for (const u of exampleCluster.units) kinds[u._tag]++
  const sharesKernel = containers.every((c) => c.target.kernel === c.source.kernel)
  const ownKernel = vms.every((v) => v.target.guestKernel !== v.source.kernel)
  return {
    // the seed's distinction (containers share the host kernel, VMs bring their own) must show in the objects
    verdict: sharesKernel && ownKernel ? "modelled" : "fails",
    summary: `P, V, C, Pod and VMI are typed objects with resources (example cluster: ${JSON.stringify(kinds)}); containers share their machine's kernel (${sharesKernel}), VMs run their own (${ownKernel}); a VMI is scheduled as its virt-launcher pod.`,
    evidence: { kinds, containersShareHostKernel: sharesKernel, vmsHaveOwnKernel: ownKernel },
  }
}

/** S1.2: v ≤ p, c ≪ p and σ respects capacity, on generated clusters. @since 0.1.0 @category claims */
export const checkS1_2 = (base = 50): ClaimResult => {
  const { seed, numRuns } = runConfig(base)
  let unscheduled = 0
  let units = 0
  const details = fc.check(
    fc.property(clusterArbitrary(3, 10, 5), ({ cluster, vms, containers }) => {
      const placement = firstFit(cluster)
      units += cluster.units.length
      unscheduled += cluster.units.length - placement.size
      return (
        vms.every((v) => fitsIn(v.target, v.source)) &&
        containers.every((c) => wayBelow(c.target, c.source)) &&
        capacityViolations(cluster, placement).length === 0
      )
    }),
    { seed, numRuns },
  )
  return {
    verdict: details.failed ? "fails" : "holds",
    summary: details.failed
      ? `A generated cluster breaks a law: ${JSON.stringify(details.counterexample)}`
      : `On ${details.numRuns} generated clusters (seed ${seed}): every Φ has v ≤ p (vCPUs·1000m and memory within allocatable), every Ψ has c ≪ p (requests within allocatable, limits within capacity, host kernel), and first-fit σ never overfills a machine. σ is partial: ${unscheduled} of ${units} units fit nowhere and have no image.`,
    evidence: { seed, runs: details.numRuns, unscheduled, units, definitionOfWayBelow: "requests(c) ≤ allocatable(p) ∧ limits(c) ≤ capacity(p) ∧ kernel(c) = kernel(p)" },
  }
}

/** Composes untyped arrows: the composite, or the refusal's message. */
const tryCompose = (g: AnyArrow, f: AnyArrow): { readonly composes: boolean; readonly text: string } => {
  try {
    return { composes: true, text: show(compose(g, f)) }
  } catch (e) {
    return { composes: false, text: e instanceof Error ? e.message : String(e) }
  }
}

/**
 * The arrows S1.3 composes literally; a parameter so that a test can hand in a σ that does
 * start at Pod and see the verdict change.
 *
 * @since 0.1.0
 * @category claims
 */
export interface LiteralArrows {
  readonly schedule: AnyArrow
  readonly wrap: AnyArrow
  readonly wrapVm: AnyArrow
}

/** S1.3: σ∘Ω∘Ψ = σ_pod : C → P and σ∘Ω′∘Φ = σ_vmi : V → P. @since 0.1.0 @category claims */
export const checkS1_3 = (
  literal: LiteralArrows = { schedule: scheduleArrow as AnyArrow, wrap: wrapArrow as AnyArrow, wrapVm: wrapVmArrow as AnyArrow },
): ClaimResult => {
  // The literal composites, from untyped arrows (typed code does not compile: test/types/domain.types.ts).
  const pod = tryCompose(literal.schedule, literal.wrap)
  const vmi = tryCompose(literal.schedule, literal.wrapVm)
  const literalPod = pod.text
  const literalVmi = vmi.text
  const podPath = compose(compose(scheduleArrow, injectPodArrow), compose(wrapArrow, containerizeArrow))
  const vmPath = compose(compose(scheduleArrow, injectVmiArrow), compose(wrapVmArrow, virtualizeArrow))
  // Keeping Ψ, the composite is P → P: does it send a machine back to itself?
  const placement = firstFit(exampleCluster)
  const moved = [...exampleContainers.map((c) => ({ unit: c.target.name, carvedFrom: c.source.name })), ...exampleVms.map((v) => ({ unit: v.target.name, carvedFrom: v.source.name }))]
    .map((u) => ({ ...u, scheduledTo: placement.get(u.unit) ?? null }))
    .filter((u) => u.scheduledTo !== u.carvedFrom)
  // ill-typed when either literal composite is refused; otherwise the P → P reading decides
  const verdict = !pod.composes || !vmi.composes ? "ill-typed" : moved.length === 0 ? "holds" : "fails"
  return {
    verdict,
    summary: `${verdict === "ill-typed" ? `As written the composites do not exist: σ starts at Pod ⊎ VMI, not Pod (“${literalPod}”), and σ∘Ω∘Ψ starts at P, not C.` : `The literal composites exist (${literalPod}; ${literalVmi}).`} Well-typed: σ_pod := σ∘ι_Pod∘Ω : C → P (a definition), and ${show(podPath)}, ${show(vmPath)}, which ${moved.length === 0 ? "are" : "are not"} id_P: in the example cluster ${moved.length} unit(s) land on another machine than the one they were carved from (e.g. ${moved[0] === undefined ? "none" : `${moved[0].unit}: ${moved[0].carvedFrom} → ${moved[0].scheduledTo}`}).`,
    evidence: { literalPod, literalVmi, literalComposes: { pod: pod.composes, vmi: vmi.composes }, wellTyped: [show(podPath), show(vmPath)], notIdentity: moved },
  }
}

/** A big machine for comparing the two paths of S1.4 without capacity getting in the way. */
const bench: Machine = {
  _tag: "P",
  name: "bench",
  capacity: resources({ cpu: 128_000, memory: 1024n * Gi }),
  allocatable: resources({ cpu: 128_000, memory: 1024n * Gi }),
  kernel: "linux-6.12",
}

/**
 * The two sides of S1.4's square through the footprint functor, for a workload of `vcpus` cores
 * and `memory` bytes run as a container (Ω∘Ψ) or as a VM (Ω′∘Φ).
 *
 * @since 0.1.0
 * @category claims
 */
export const squareSides = (vcpus: number, memory: bigint, dedicatedCpus = false): { readonly container: ResourceVector; readonly vm: ResourceVector } => {
  const c = containerize(bench, { name: "w", image: "w", requests: resources({ cpu: BigInt(vcpus) * 1000n, memory }) })
  const v = virtualize(bench, { name: "w", vcpus, memory, dedicatedCpus })
  if (E.isLeft(c)) throw c.left
  if (E.isLeft(v)) throw v.left
  return { container: footprint(wrap(c.right.target).target), vm: footprint(wrapVm(v.right.target).target) }
}

/** S1.4: Ω′∘Φ = Ω∘Ψ. @since 0.1.0 @category claims */
export const checkS1_4 = (
  sides: typeof squareSides = squareSides,
  paths: { readonly container: AnyArrow; readonly vm: AnyArrow } = {
    container: compose(wrapArrow, containerizeArrow),
    vm: compose(wrapVmArrow, virtualizeArrow),
  },
): ClaimResult => {
  const sameCodomain = paths.container.cod === paths.vm.cod
  const example = sides(2, 2n * Gi)
  const rows: Array<{ vcpus: number; memoryGi: number; dedicated: boolean; residual: Record<string, string> }> = []
  let commutes = 0
  let minMemory: bigint | undefined
  let maxMemory: bigint | undefined
  for (const dedicated of [false, true])
    for (const vcpus of [1, 2, 4, 8])
      for (const gi of [1, 2, 4, 8, 16]) {
        const s = sides(vcpus, BigInt(gi) * Gi, dedicated)
        const r = residual(s.container, s.vm)
        if (r.size === 0) commutes++
        const m = r.get("memory") ?? 0n
        minMemory = minMemory === undefined || m < minMemory ? m : minMemory
        maxMemory = maxMemory === undefined || m > maxMemory ? m : maxMemory
        rows.push({ vcpus, memoryGi: gi, dedicated, residual: recordOf(r) })
      }
  const r = residual(example.container, example.vm)
  // what else the VM side asks, named from the residual itself (device plugins by their short name, bytes in M)
  const extras = [...r.entries()]
    .filter(([name]) => name !== "memory" && name !== "cpu")
    .map(([name, amount]) => (name === "ephemeral-storage" ? `${amount % 1_000_000n === 0n ? `${amount / 1_000_000n}M` : `${amount} bytes`} of ephemeral storage` : `${name.replace(/^devices\.kubevirt\.io\//, "")} ${amount}`))
  // the equation only type-checks when both paths land in the same object; then the footprints decide
  const verdict = !sameCodomain ? "ill-typed" : commutes === rows.length ? "holds" : "fails"
  return {
    verdict,
    summary: `Ω′∘Φ : ${paths.vm.dom} → ${paths.vm.cod} and Ω∘Ψ : ${paths.container.dom} → ${paths.container.cod} ${sameCodomain ? "share their codomain" : "have different codomains, so the equation is ill-typed"}. Through the footprint functor into Res≤ the square commutes for ${commutes} of ${rows.length} shapes: for 2 vCPU / 2Gi the VM side asks memory +${(r.get("memory") ?? 0n) / Mi}Mi (KubeVirt v1.9 overhead), cpu ${r.get("cpu")}m (shared vCPUs request 1/10)${extras.length === 0 ? "" : `, plus ${extras.join(", ")}`}; the memory residual ranges ${(minMemory ?? 0n) / Mi}–${(maxMemory ?? 0n) / Mi}Mi.`,
    evidence: { codomains: { container: paths.container.cod, vm: paths.vm.cod }, example: { container: recordOf(example.container), vm: recordOf(example.vm), residual: recordOf(r) }, shapes: rows, commutes },
  }
}

/** S1.5: Ω, Ω′ faithful; F : K8sNative → KubeVirt not full. @since 0.1.0 @category claims */
export const checkS1_5 = (base = 50): ClaimResult => {
  const { seed, numRuns } = runConfig(base)
  const details = fc.check(
    fc.property(clusterArbitrary(), ({ containers, vms }) =>
      containers.every((c) => unwrap(wrap(c.target).target) === c.target) && vms.every((v) => unwrapVm(wrapVm(v.target).target) === v.target),
    ),
    { seed, numRuns },
  )
  const F = checkFullFaithful(compatibilityFunctor)
  // The footprint forgets the topology: Ω′ followed by the footprint is not injective.
  const one = virtLauncherPod(vmiSpec({ name: "x", memoryGuest: Gi, cpu: { cores: 2, sockets: 1, threads: 1, dedicatedCpuPlacement: false, isolateEmulatorThread: false } }))
  const other = virtLauncherPod(vmiSpec({ name: "x", memoryGuest: Gi, cpu: { cores: 1, sockets: 2, threads: 1, dedicatedCpuPlacement: false, isolateEmulatorThread: false } }))
  const footprintCollides = JSON.stringify(Object.entries(one.requests).map(([k, v]) => [k, String(v)])) === JSON.stringify(Object.entries(other.requests).map(([k, v]) => [k, String(v)]))
  const migrationWitness = F.notFull.some((o) => o.operation === "live-migrate")
  const holds = !details.failed && F.faithful && !F.full && migrationWitness
  return {
    verdict: holds ? "holds" : "fails",
    summary: `Ω and Ω′ have left inverses (unwrap, unwrapVm) on ${details.numRuns} generated clusters (seed ${seed}), so they are faithful. F is faithful on operations and not full: KubeVirt operations between images with no native preimage: ${F.notFull.map((o) => o.operation).join(", ")} (live migration among them: ${migrationWitness}). Note: the launcher-pod footprint after Ω′ is not injective (2 cores × 1 socket and 1 core × 2 sockets give the same pod: ${footprintCollides}).`,
    evidence: { seed, runs: details.numRuns, faithfulOmega: !details.failed, functor: F, footprintCollides },
  }
}

/** S1.6: initial = empty Pod/VMI, terminal = the cluster's pool. @since 0.1.0 @category claims */
export const checkS1_6 = (): ClaimResult => {
  const emptyPod = footprint({ _tag: "Pod", name: "empty", containers: [] })
  const emptyVmi = new Map(Object.entries(virtLauncherPod(vmiSpec({ name: "empty" })).requests))
  const pool = totalPool(exampleMachines)
  const oversized = addResources(pool, resources({ memory: 1n }))
  const objects: Array<{ name: string; vector: ResourceVector }> = [
    { name: "empty Pod", vector: emptyPod },
    { name: "empty VMI", vector: emptyVmi },
    ...exampleCluster.units.map((u) => ({ name: u.name, vector: footprint(u) })),
    { name: "pool", vector: pool },
    { name: "pool + 1 byte", vector: oversized },
  ]
  const arrowsFrom = (x: ResourceVector) => objects.filter((y) => E.isRight(resourceArrow(x, y.vector))).length
  const arrowsTo = (y: ResourceVector) => objects.filter((x) => E.isRight(resourceArrow(x.vector, y))).length
  const podInitial = arrowsFrom(emptyPod) === objects.length
  const vmiInitial = arrowsFrom(emptyVmi) === objects.length
  const vmiToPod = resourceArrow(emptyVmi, emptyPod)
  const poolTerminal = arrowsTo(pool) === objects.length
  const missing = objects.filter((x) => E.isLeft(resourceArrow(x.vector, pool))).map((x) => x.name)
  // Thinness: any two arrows x → y of Res≤ are equal, so an arrow that exists is unique.
  let parallelPairs = 0
  let unique = true
  for (const x of objects)
    for (const y of objects) {
      const f = resourceArrow(x.vector, y.vector)
      const g = resourceArrow(x.vector, y.vector)
      if (E.isRight(f) && E.isRight(g)) {
        parallelPairs++
        unique &&= ResourceOrder.equalArrows(f.right, g.right).equal
      }
    }
  return {
    verdict: podInitial && vmiInitial && poolTerminal ? "holds" : "fails",
    summary: `In Res≤ (arrows unique by thinness, checked on ${parallelPairs} hom-sets: ${unique}): the empty Pod (footprint 0) is initial (${podInitial}); the empty VMI is not (${vmiInitial}): its launcher pod asks ${E.isLeft(vmiToPod) ? vmiToPod.left.message : "?"} beyond the empty Pod. The pool is terminal only for objects that fit: ${missing.length === 0 ? "all do" : `no arrow from ${missing.join(", ")}`} (Res≤ has no terminal object).`,
    evidence: { arrowsUnique: unique, homSetsWithAnArrow: parallelPairs, emptyPod: recordOf(emptyPod), emptyVmi: recordOf(emptyVmi), pool: recordOf(pool), podInitial, vmiInitial, poolTerminal, noArrowToPool: missing, objects: objects.map((o) => o.name) },
  }
}

/** S1.7: currying C(A×B, C) ≅ C(A, C^B). @since 0.1.0 @category claims */
export const checkS1_7 = (iso: typeof curryingIso = curryingIso): ClaimResult => {
  const sizes: ReadonlyArray<readonly [number, number, number]> = [
    [1, 2, 2],
    [2, 2, 2],
    [2, 3, 2],
    [3, 2, 2],
    [2, 2, 3],
  ]
  const reports = sizes.map(([x, a, b]) => iso(finSet(x), exponential(finSet(a), finSet(b))))
  const finSetHolds = reports.every((r) => r.holds)
  const pool = totalPool(exampleMachines)
  const above = addResources(pool, resources({ cpu: 1n }))
  const noTerminal = E.isLeft(resourceArrow(above, pool))
  // a failed FinSet round trip refutes the claim outright; otherwise the seed's open choice of category leaves it open
  const verdict = finSetHolds ? "underdetermined" : "fails"
  return {
    verdict,
    summary: `The seed does not say which category "the declarative API" is. In FinSet currying is a bijection (checked exhaustively on ${reports.map((r) => `${r.uncurriedCount}`).join(", ")} arrows: ${finSetHolds}); Res≤, the resource order the scheduler works in, is not cartesian closed: it has no terminal object (pool + 1m cpu has no arrow to the pool: ${noTerminal}).`,
    evidence: { finSet: reports.map((r) => ({ sizes: r.sizes, count: r.uncurriedCount, holds: r.holds })), resourceOrderHasNoTerminal: noTerminal },
  }
}

/**
 * The seed's per-component isomorphism degrees of its runtime table [I.1.1] (compute runtime,
 * isolation, state management, lifecycle, density).
 *
 * @since 0.1.0
 * @category constants
 */
export const seedComponentDegrees: Readonly<Record<string, number>> = { "compute runtime": 0.62, isolation: 0.31, "state management": 0.45, lifecycle: 0.58, density: 0.2 }

/** S1.8: isomorphism degree 0.68. @since 0.1.0 @category claims */
export const checkS1_8 = (): ClaimResult => {
  const pod = isomorphismDegree(podSpecFields)
  const vmi = isomorphismDegree(vmiSpecFields)
  const readings = [
    ["PodSpec→VMI strict", pod.strict],
    ["PodSpec→VMI weighted", pod.weighted],
    ["PodSpec→VMI lenient", pod.lenient],
    ["VMI→PodSpec strict", vmi.strict],
    ["VMI→PodSpec weighted", vmi.weighted],
    ["VMI→PodSpec lenient", vmi.lenient],
  ] as const
  const near = readings.filter(([, d]) => Math.abs(d - 0.68) < 0.005)
  const closest = [...readings].sort((x, y) => Math.abs(x[1] - 0.68) - Math.abs(y[1] - 0.68))[0]
  const f = (x: number) => x.toFixed(3)
  const components = Object.values(seedComponentDegrees)
  const componentMean = components.reduce((a, b) => a + b, 0) / components.length
  const componentMax = Math.max(...components)
  return {
    verdict: near.length > 0 ? "holds" : "underdetermined",
    summary:
      `From a field table (${pod.fields} PodSpec fields: ${pod.mapped} mapped, ${pod.partial} partial, ${pod.none} none; ${vmi.fields} VMI spec fields: ${vmi.mapped}/${vmi.partial}/${vmi.none}) the degree is ${readings.map(([n, d]) => `${n} ${f(d)}`).join(", ")}. ` +
      (near.length > 0 ? `${near.map(([n]) => n).join(", ")} gives 0.68.` : `No reading gives 0.68${closest === undefined ? "" : ` (closest: ${closest[0]} ${f(closest[1])})`}; the seed does not say what it counts. `) +
      `Its own runtime table grades ${components.length} components ${components.map((d) => `${Math.round(d * 100)} %`).join(", ")} (mean ${(componentMean * 100).toFixed(1)} %, none above ${Math.round(componentMax * 100)} %), so no weighting of them reaches 68 %; ` +
      `that would make the claim inconsistent if 0.68 aggregated them, but the table grades runtime components (CRI vs libvirt, cgroups vs VT-x) while 0.68 counts API arrows Hom(K8s, KubeVirt), a different measure.`,
    evidence: {
      seedComponentDegrees,
      componentMean, podSpec: pod, vmiSpec: vmi, readings: Object.fromEntries(readings), nonIsomorphic: podSpecFields.filter((r) => r.mapping === "none").map((r) => r.field) },
  }
}

/** S1.9: limits = compatible intersection, colimits = union modulo relations. @since 0.1.0 @category claims */
export const checkS1_9 = (): ClaimResult => {
  const c = capabilityConstructions()
  const limitOk = c.limit.size === c.intersection.length
  const colimitOk = c.colimit.size === c.union.length && [...(c.colimit.labels ?? [])].sort().join() === [...c.union].sort().join()
  return {
    verdict: limitOk && colimitOk ? "holds" : "fails",
    summary: `In FinSet, the pullback of the two capability sets over all capabilities has ${c.limit.size} elements = the ${c.intersection.length} shared capabilities; the pushout over the shared ones has ${c.colimit.size} = the ${c.union.length} of the union (shared ones glued).`,
    evidence: { intersection: c.intersection, union: c.union, limitSize: c.limit.size, colimitSize: c.colimit.size },
  }
}

/** The checks of S1. @since 0.1.0 @category claims */
export const s1Claims: ReadonlyArray<ClaimCheck> = [
  { id: "S1.1", statement: "Objects P, V, C, Pod, VMI", source: `${SOURCE}#checkS1_1`, check: checkS1_1 },
  { id: "S1.2", statement: "Φ: v ≤ p; Ψ: c ≪ p; Ω, Ω′; σ respects capacity", source: `${SOURCE}#checkS1_2`, check: () => checkS1_2() },
  { id: "S1.3", statement: "σ∘Ω∘Ψ = σ_pod : C → P; σ∘Ω′∘Φ = σ_vmi : V → P", source: `${SOURCE}#checkS1_3`, check: checkS1_3 },
  { id: "S1.4", statement: "Ω′∘Φ = Ω∘Ψ (resource allocation is natural)", source: `${SOURCE}#checkS1_4`, check: checkS1_4 },
  { id: "S1.5", statement: "Ω, Ω′ faithful; F: K8sNative → KubeVirt not full (live migration)", source: `${SOURCE}#checkS1_5`, check: () => checkS1_5() },
  { id: "S1.6", statement: "Initial = empty Pod/VMI; terminal = total resource pool", source: `${SOURCE}#checkS1_6`, check: checkS1_6 },
  { id: "S1.7", statement: "The declarative API is cartesian closed (currying)", source: `${SOURCE}#checkS1_7`, check: checkS1_7 },
  { id: "S1.8", statement: "Isomorphism degree |Hom ∩ Iso| / |Hom| = 0.68", source: `${SOURCE}#checkS1_8`, check: checkS1_8 },
  { id: "S1.9", statement: "Limits = compatible intersection; colimits = union modulo relations", source: `${SOURCE}#checkS1_9`, check: checkS1_9 },
]

