import { KVM_DEVICE } from "../../domain/kubevirt/virtLauncherPod.ts"
import type { Machine } from "../../domain/cluster/objects.ts"
import type { ClusterModel, ModelledUnit } from "../../domain/model/clusterFromManifests.ts"
import { showSource } from "../../domain/model/ModelError.ts"
import { showResources } from "../../domain/resources/ResourceVector.ts"
import { exhaustive } from "../../laws/Carrier.ts"
import { law } from "../../laws/Law.ts"
import { bind, notApplicable, suite, type Suite } from "../../laws/Suite.ts"
import { excessOf, noneFound, showExcess, type Excess } from "./Shortfall.ts"

/**
 * The resource laws of Φ and Ψ (S1.2) on the user's cluster, as existence statements over its
 * finite set of nodes:
 *
 * - Φ, v ≤ p: every VM/VMI fits at least one node that offers KVM — its virt-launcher pod's
 *   requests (Ω′'s footprint, overhead and devices included) within the node's allocatable;
 * - Ψ, c ≪ p: every pod's effective request fits some node's allocatable, and its containers'
 *   limits that node's capacity.
 *
 * A failing case names the unit, what it asks for, and the closest node's shortfall.
 *
 * @since 0.1.0
 */

/** Why a unit fits nowhere: the closest node and what it lacks (or that there is no node). */
interface NoFit {
  readonly unit: string
  readonly asks: string
  readonly best: { readonly node: string; readonly short: ReadonlyArray<Excess & { readonly of?: string }> } | undefined
  readonly candidates: string
}

const showNoFit = (f: NoFit): string =>
  f.best === undefined
    ? `${f.unit} asks ${f.asks}; no ${f.candidates} to run on`
    : `${f.unit} asks ${f.asks}; closest ${f.candidates} ${f.best.node}: ${f.best.short.map((e) => (e.of === undefined ? showExcess(e) : `${e.of} ${showExcess(e)}`)).join(", ")}`

/** Shortfalls of a unit on a machine: requests against allocatable, container limits against capacity. */
const shortOn = (u: ModelledUnit, m: Machine): ReadonlyArray<Excess & { readonly of?: string }> => {
  const onAllocatable = excessOf(u.request, m.allocatable)
  if (u.unit._tag !== "Pod") return onAllocatable
  const onCapacity = u.unit.containers.flatMap((c) => excessOf(c.limits, m.capacity).map((e) => ({ ...e, of: `limit of ${c.name} vs capacity:` })))
  return [...onAllocatable, ...onCapacity]
}

/** The machine where the unit lacks the least (fewest resources, then smallest relative gap). */
const closest = (u: ModelledUnit, machines: ReadonlyArray<Machine>): NoFit["best"] | "fits" => {
  let best: { node: string; short: ReadonlyArray<Excess & { readonly of?: string }>; score: number } | undefined
  for (const m of machines) {
    const short = shortOn(u, m)
    if (short.length === 0) return "fits"
    let score = short.length * 1e6
    for (const e of short) score += e.amount === 0n ? 0 : Number(((e.amount - e.bound) * 1000n) / e.amount)
    if (best === undefined || score < best.score) best = { node: m.name, short, score }
  }
  return best === undefined ? undefined : { node: best.node, short: best.short }
}

const offersKvm = (m: Machine): boolean => (m.allocatable.get(KVM_DEVICE) ?? 0n) > 0n

const unitLabel = (u: ModelledUnit): string => `${u.unit._tag === "VMI" ? u.origin.kind : "Pod"} ${u.unit.name} (${showSource(u.origin.source)})`

/**
 * The Φ / Ψ suite on a cluster model, exhaustive over its VMIs and Pods.
 *
 * @example
 * import { fitSuite } from "catcluster/app/check"
 * // runSuite(fitSuite(model)) → virtualize.fitsKvmNode fails: VMI prod/big asks …; closest KVM node hv-a: memory 70Gi > 62Gi (short by 8Gi)
 *
 * @since 0.1.0
 * @category suites
 */
export const fitSuite = (model: ClusterModel, subject = "your cluster"): Suite => {
  const machines = model.cluster.machines
  const kvmNodes = machines.filter(offersKvm)
  const vmis = model.units.filter((u) => u.unit._tag === "VMI")
  const pods = model.units.filter((u) => u.unit._tag === "Pod")
  // replicas of one template ask the same: search the nodes once per template
  const memo = new Map<object, NoFit["best"] | "fits">()
  const noFit = (u: ModelledUnit, candidates: ReadonlyArray<Machine>, what: string): ReadonlyArray<NoFit> => {
    const key = u.origin.replica === undefined ? undefined : u.origin.source
    const best = (key === undefined ? undefined : memo.get(key)) ?? closest(u, candidates)
    if (key !== undefined) memo.set(key, best)
    return best === "fits" ? [] : [{ unit: unitLabel(u), asks: showResources(u.request), best, candidates: what }]
  }
  const phi = "∀ VMI v ∃ node p offering KVM: launcher(v) ≤ allocatable(p)  (Φ: v ≤ p)"
  const psi = "∀ pod c ∃ node p: request(c) ≤ allocatable(p), limits(c) ≤ capacity(p)  (Ψ: c ≪ p)"
  if (machines.length === 0) {
    const reason = "the model has no Node: give node manifests (--nodes) to check where units fit"
    return suite("fit", subject, [
      notApplicable("virtualize.fitsKvmNode", phi, reason),
      notApplicable("containerize.fitsNode", psi, reason),
    ])
  }
  return suite("fit", subject, [
    vmis.length === 0 ? notApplicable("virtualize.fitsKvmNode", phi, "the model has no VMI and no running VM") : bind(
      law("virtualize.fitsKvmNode", phi, (u: ModelledUnit) => {
        // a VMI that emulates (no kvm request) may run on any node
        const needsKvm = (u.request.get(KVM_DEVICE) ?? 0n) > 0n
        return { lhs: needsKvm ? noFit(u, kvmNodes, "KVM node") : noFit(u, machines, "node"), rhs: [] }
      }),
      exhaustive(() => vmis, unitLabel),
      noneFound((fs) => fs.map(showNoFit).join("; ")),
    ),
    pods.length === 0 ? notApplicable("containerize.fitsNode", psi, "the model has no pod") : bind(
      law("containerize.fitsNode", psi, (u: ModelledUnit) => ({
        lhs: noFit(u, machines, "node"),
        rhs: [],
      })),
      exhaustive(() => pods, unitLabel),
      noneFound((fs) => fs.map(showNoFit).join("; ")),
    ),
  ])
}
