import * as E from "fp-ts/lib/Either.js"
import type { ArrowEquality } from "../../category/Category.ts"
import { footprint, residual } from "../../domain/cluster/footprint.ts"
import { containerize, wrap } from "../../domain/cluster/morphisms.ts"
import type { Machine } from "../../domain/cluster/objects.ts"
import type { Manifest } from "../../domain/manifest/Manifest.ts"
import { workloadRequests } from "../../domain/manifest/workload.ts"
import type { ClusterModel, ModelledUnit } from "../../domain/model/clusterFromManifests.ts"
import { showSource } from "../../domain/model/ModelError.ts"
import { addResources, emptyResources, equalResources, lessOrEqual, resources, showResources, type ResourceVector } from "../../domain/resources/ResourceVector.ts"
import { exhaustive } from "../../laws/Carrier.ts"
import { law } from "../../laws/Law.ts"
import { bind, notApplicable, suite, type Suite } from "../../laws/Suite.ts"
import { showAmount } from "./Shortfall.ts"

/**
 * The footprint functor F : Pod ⊎ VMI → Res≤ on the user's objects:
 *
 * - `footprint.sum`: F of a Pod is the sum of F over the one-container Pods Ω makes of its
 *   containers (F turns the Pod's composition from containers into the resource monoid's sum);
 * - `footprint.replicas`: a controller's units sum to its template's request × replicas, as
 *   `workloadRequests` computes it independently from the manifest;
 * - `footprint.belowEffective`: F(pod) ≤ the effective request kube-scheduler uses (init
 *   containers, sidecars and overhead only add), so F is a lower bound of what σ must fit.
 *
 * And, reported beside the laws (not a failure): the S1.4 square's residual per VMI — the
 * difference between Ω′∘Φ (its launcher pod) and Ω∘Ψ (a container asking the same vCPUs and
 * memory) through F.
 *
 * @since 0.1.0
 */

const vectorsEqual = (a: ResourceVector, b: ResourceVector): ArrowEquality =>
  equalResources(a, b)
    ? { equal: true }
    : { equal: false, witness: { lhs: a, rhs: b, residual: residual(a, b) }, message: `${showResources(a)} ≠ ${showResources(b)} (differ by ${showResources(residual(a, b))})` }

const holdsOrShow = (ok: boolean, message: string): ArrowEquality => (ok ? { equal: true } : { equal: false, witness: message, message })

const unitLabel = (u: ModelledUnit): string => `${u.unit.name} (${showSource(u.origin.source)})`

/**
 * The footprint suite on a cluster model and the manifests it came from.
 *
 * @example
 * import { footprintSuite } from "catcluster/app/check"
 * // runSuite(footprintSuite(model, manifests)) → footprint.sum (exhaustive, 7 cases) …
 *
 * @since 0.1.0
 * @category suites
 */
export const footprintSuite = (model: ClusterModel, manifests: ReadonlyArray<Manifest>, subject = "F : Pod ⊎ VMI → Res≤"): Suite => {
  const pods = model.units.filter((u) => u.unit._tag === "Pod")
  const controllers = manifests.filter((m) => m.kind === "Deployment" || m.kind === "ReplicaSet" || m.kind === "StatefulSet" || m.kind === "Job")
  const unitsOf = (m: Manifest): ReadonlyArray<ModelledUnit> => model.units.filter((u) => u.origin.source === m.source)
  const sum = "F(pod) = Σ_c F(Ω(c))"
  const replicas = "Σ_{i < replicas} request(unit_i) = replicas × request(template)"
  const below = "F(pod) ≤ effective request(pod)"
  const noPods = "the model has no pod"
  return suite("footprint", subject, [
    pods.length === 0 ? notApplicable("footprint.sum", sum, noPods) : bind(
      law("footprint.sum", sum, (u: ModelledUnit) =>
        u.unit._tag === "Pod"
          ? { lhs: footprint(u.unit), rhs: u.unit.containers.reduce((acc, c) => addResources(acc, footprint(wrap(c).target)), emptyResources) }
          : undefined,
      ),
      exhaustive(() => pods, unitLabel),
      vectorsEqual,
    ),
    controllers.length === 0 ? notApplicable("footprint.replicas", replicas, "the model has no Deployment, ReplicaSet, StatefulSet or Job") : bind(
      law("footprint.replicas", replicas, (m: Manifest) => {
        const w = workloadRequests(m)
        if (w === undefined) return undefined
        return { lhs: unitsOf(m).reduce((acc, u) => addResources(acc, u.request), emptyResources), rhs: w.total }
      }),
      exhaustive(() => controllers, (m) => `${m.kind} ${m.metadata?.namespace ?? "default"}/${m.metadata?.name ?? "<unnamed>"} (${showSource(m.source)})`),
      vectorsEqual,
    ),
    pods.length === 0 ? notApplicable("footprint.belowEffective", below, noPods) : bind(
      law("footprint.belowEffective", below, (u: ModelledUnit) =>
        u.unit._tag === "Pod" ? { lhs: footprint(u.unit), rhs: u.request } : undefined,
      ),
      exhaustive(() => pods, unitLabel),
      (f, effective) => holdsOrShow(lessOrEqual(f, effective), `F = ${showResources(f)} but the effective request is ${showResources(effective)}`),
    ),
  ])
}

/**
 * One VMI's S1.4 residual: F(Ω′∘Φ) − F(Ω∘Ψ) for the same vCPUs and memory.
 *
 * @since 0.1.0
 * @category model
 */
export interface SquareResidual {
  readonly vmi: string
  readonly containerSide: ResourceVector
  readonly vmSide: ResourceVector
  readonly residual: ReadonlyMap<string, bigint>
}

/** Big enough that Ψ never refuses: the residual compares the two sides, not a node's room. */
const roomy: Machine = {
  _tag: "P",
  name: "(any)",
  capacity: resources({ cpu: 1n << 50n, memory: 1n << 60n }),
  allocatable: resources({ cpu: 1n << 50n, memory: 1n << 60n }),
  kernel: "linux",
}

/**
 * The S1.4 square through F for every VMI of the model: the VM side is its launcher pod's
 * requests, the container side a container asking the VM's vCPUs (as whole cores) and memory.
 *
 * @since 0.1.0
 * @category destructors
 */
export const squareResiduals = (model: ClusterModel): ReadonlyArray<SquareResidual> =>
  model.units.flatMap((u) => {
    if (u.unit._tag !== "VMI") return []
    const vm = u.unit.vm
    const c = containerize(roomy, { name: vm.name, image: "", requests: resources({ cpu: BigInt(vm.vcpus) * 1000n, memory: vm.memory }) })
    if (E.isLeft(c)) return []
    const containerSide = footprint(wrap(c.right.target).target)
    const vmSide = footprint(u.unit)
    return [{ vmi: u.unit.name, containerSide, vmSide, residual: residual(containerSide, vmSide) }]
  })

/**
 * `prod/db: F(Ω′∘Φ) − F(Ω∘Ψ) = cpu −1800m, memory +280Mi, …`
 *
 * @since 0.1.0
 * @category destructors
 */
export const showResidual = (r: SquareResidual): string =>
  r.residual.size === 0
    ? `${r.vmi}: the S1.4 square commutes through F`
    : `${r.vmi}: F(Ω′∘Φ) − F(Ω∘Ψ) = ${[...r.residual].map(([n, d]) => `${n} ${d > 0n ? "+" : "−"}${showAmount(n, d > 0n ? d : -d)}`).join(", ")}`

/**
 * The residuals as notes, VMIs with the same residual on one line (`a, b, c and 997 more: …`),
 * so that a large model's report stays readable.
 *
 * @since 0.1.0
 * @category destructors
 */
export const residualNotes = (residuals: ReadonlyArray<SquareResidual>): ReadonlyArray<string> => {
  const groups = new Map<string, string[]>()
  for (const r of residuals) {
    const text = showResidual({ ...r, vmi: "" }).slice(2)
    const names = groups.get(text) ?? []
    names.push(r.vmi)
    groups.set(text, names)
  }
  return [...groups].map(([text, names]) => {
    const shown = names.length <= 4 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`
    return `${shown}: ${text}`
  })
}
