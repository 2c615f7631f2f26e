/**
 * Type-level tests for the cluster domain (S1.3, S1.4, S2.6). Checked by tsc: every
 * `@ts-expect-error` must stay an error, every other line must compile.
 */
import { compose, path, type Arrow } from "../../src/category/Arrow.ts"
import {
  containerizeArrow,
  injectPodArrow,
  injectVmiArrow,
  scheduleArrow,
  virtualizeArrow,
  wrapArrow,
  wrapVmArrow,
  type Morphism,
  type Machine,
  type Pod,
  type Container,
} from "../../src/domain/cluster/index.ts"
import { workload, type AnyWorkload, type Workload } from "../../src/domain/workload/index.ts"
import { transitionGraph } from "../../src/domain/state/index.ts"

// --- S1.3: σ∘Ω∘Ψ = σ_pod : C → P ---
// @ts-expect-error σ starts at Pod ⊎ VMI: σ∘Ω does not compose without the injection ι_Pod
compose(scheduleArrow, wrapArrow)
// @ts-expect-error σ∘Ω′ likewise needs ι_VMI
compose(scheduleArrow, wrapVmArrow)
// The nearest well-typed reading: σ_pod := σ∘ι_Pod∘Ω : C → P …
export const schedulePod: Arrow<"C", "P"> = path(wrapArrow, injectPodArrow, scheduleArrow)
export const scheduleVmi: Arrow<"V", "P"> = path(wrapVmArrow, injectVmiArrow, scheduleArrow)
// … and σ∘ι∘Ω∘Ψ, which starts at P, not at C:
export const roundTrip: Arrow<"P", "P"> = path(containerizeArrow, wrapArrow, injectPodArrow, scheduleArrow)
// @ts-expect-error the seed's equation σ∘Ω∘Ψ = σ_pod : C → P: the composite is P → P
export const seedPod: Arrow<"C", "P"> = path(containerizeArrow, wrapArrow, injectPodArrow, scheduleArrow)
// @ts-expect-error σ∘Ω′∘Φ = σ_vmi : V → P: the composite is P → P
export const seedVmi: Arrow<"V", "P"> = path(virtualizeArrow, wrapVmArrow, injectVmiArrow, scheduleArrow)

// --- S1.4: Ω′∘Φ = Ω∘Ψ ---
/** Both sides of an equation must be parallel arrows. */
const equation = <A extends string, B extends string>(lhs: Arrow<A, B>, rhs: Arrow<NoInfer<A>, NoInfer<B>>) => [lhs, rhs] as const
export const podSideTwice = equation(compose(wrapArrow, containerizeArrow), compose(wrapArrow, containerizeArrow))
// @ts-expect-error the square as written: P → VMI against P → Pod
equation(compose(wrapVmArrow, virtualizeArrow), compose(wrapArrow, containerizeArrow))
// Into the common object Pod ⊎ VMI both sides are P → Pod⊎VMI: well-typed (and compared by the footprint in S1.4's check)
export const intoUnits = equation(path(virtualizeArrow, wrapVmArrow, injectVmiArrow), path(containerizeArrow, wrapArrow, injectPodArrow))

// Data-carrying morphisms keep their endpoints in their type.
declare const psi: Morphism<"P", "C", Machine, Container>
// @ts-expect-error a Ψ is not an Ω
export const notWrap: Morphism<"C", "Pod", Container, Pod> = psi

// --- S2.6: the GADT index fixes spec and status types ---
export const pvc: Workload<"PVC"> = workload("PVC", "data", { storage: 1n, storageClassName: "local" }, "Bound")
// @ts-expect-error a PVC has no "Running" status
workload("PVC", "data", { storage: 1n, storageClassName: "local" }, "Running")
// @ts-expect-error a Pod's spec is a pod spec, not a PVC spec
workload("Pod", "p", { storage: 1n, storageClassName: "local" }, "Running")
export const some: AnyWorkload = pvc
// @ts-expect-error a migration's status is a migration phase
export const badMigration: AnyWorkload = { kind: "Migration", name: "m", spec: { vmi: undefined as never }, status: "Bound" }

// --- S3: transitions must name the machine's states ---
// @ts-expect-error "Terminating" is not a state of this machine
transitionGraph("pod", ["Pending", "Running"], [["Running", "Terminating", "delete"]], ["Pending"], "test")
