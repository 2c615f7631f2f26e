import * as A from "fp-ts/lib/ReadonlyArray.js"
import { match, P } from "ts-pattern"
import { vectorOf } from "../cluster/footprint.ts"
import { virtLauncherPod } from "../kubevirt/virtLauncherPod.ts"
import type { VmiSpec } from "../kubevirt/VmiSpec.ts"
import { podRequests, type PodSpecInput } from "../resources/PodRequests.ts"
import { emptyResources, MonoidResources, resources, type ResourceVector } from "../resources/ResourceVector.ts"
import type { MigrationPhase, PodPhase } from "../state/machines.ts"
import type { PrintableStatus } from "../state/printableStatus.ts"

/**
 * S2.6: workloads as a GADT — each kind with its own spec and status type — an existential
 * `AnyWorkload`, and `totalUsage = foldMap usage` over heterogeneous workloads in the monoid of
 * resource vectors under +.
 *
 * @since 0.1.0
 */

/** The status type of each workload kind. @since 0.1.0 @category model */
export interface WorkloadStatus {
  readonly Pod: PodPhase
  readonly VM: PrintableStatus
  readonly PVC: "Pending" | "Bound" | "Lost"
  readonly Migration: MigrationPhase
}

/** The spec type of each workload kind. @since 0.1.0 @category model */
export interface WorkloadSpec {
  readonly Pod: PodSpecInput
  readonly VM: { readonly template: VmiSpec }
  readonly PVC: { readonly storage: bigint; readonly storageClassName: string }
  /** The VMI being migrated: during a migration its target launcher pod exists too. */
  readonly Migration: { readonly vmi: VmiSpec }
}

/** A workload kind: Pod, VM, PVC or Migration. @since 0.1.0 @category model */
export type WorkloadKind = keyof WorkloadStatus

/**
 * A workload of kind `K`: its spec and status types are fixed by `K` (the GADT index).
 *
 * @since 0.1.0
 * @category model
 */
export interface Workload<K extends WorkloadKind> {
  readonly kind: K
  readonly name: string
  readonly spec: WorkloadSpec[K]
  readonly status: WorkloadStatus[K]
}

/**
 * Some workload, of some kind: the existential `∃K. Workload<K>`, as a union a match can
 * take apart exhaustively.
 *
 * @since 0.1.0
 * @category model
 */
export type AnyWorkload = { readonly [K in WorkloadKind]: Workload<K> }[WorkloadKind]

/**
 * A workload of a given kind (the type of `spec` and `status` follows from `kind`).
 *
 * @example
 * import { workload } from "catcluster/domain/workload"
 * const claim = workload("PVC", "data", { storage: 10n << 30n, storageClassName: "local" }, "Bound")
 * // workload("PVC", "data", { storage: 1n, storageClassName: "x" }, "Running") // compile error
 *
 * @since 0.1.0
 * @category constructors
 */
export const workload = <K extends WorkloadKind>(kind: K, name: string, spec: WorkloadSpec[K], status: WorkloadStatus[K]): Workload<K> => ({
  kind,
  name,
  spec,
  status,
})

const vmHoldsResources = (s: PrintableStatus): boolean =>
  s === "Starting" || s === "Running" || s === "Paused" || s === "Migrating" || s === "Stopping" || s === "Terminating"

/**
 * What a workload holds from the cluster now: a live Pod its requests (terminal Pods hold
 * nothing), a started VM its virt-launcher pod's requests (KubeVirt v1.9), a PVC its storage
 * request, a migration in flight the requests of its *target* launcher pod.
 *
 * @since 0.1.0
 * @category destructors
 */
export const usage = (w: AnyWorkload): ResourceVector =>
  match(w)
    .returnType<ResourceVector>()
    .with({ kind: "Pod", status: P.union("Succeeded", "Failed") }, () => emptyResources)
    .with({ kind: "Pod" }, (p) => podRequests(p.spec))
    .with({ kind: "VM" }, (v) => (vmHoldsResources(v.status) ? vectorOf(virtLauncherPod(v.spec.template).requests) : emptyResources))
    .with({ kind: "PVC" }, (c) => resources({ storage: c.spec.storage }))
    .with({ kind: "Migration", status: P.union("Succeeded", "Failed") }, () => emptyResources)
    .with({ kind: "Migration" }, (m) => vectorOf(virtLauncherPod(m.spec.vmi).requests))
    .exhaustive()

/**
 * `totalUsage = foldMap usage`: the sum of what every workload holds, folded in the monoid of
 * resource vectors under pointwise + (`MonoidResources`, laws checked in the tests).
 *
 * @example
 * import { totalUsage } from "catcluster/domain/workload"
 * // totalUsage([pod, vm, pvc, migration]) = usage(pod) + usage(vm) + usage(pvc) + usage(migration)
 *
 * @since 0.1.0
 * @category destructors
 */
export const totalUsage: (ws: ReadonlyArray<AnyWorkload>) => ResourceVector = A.foldMap(MonoidResources)(usage)
