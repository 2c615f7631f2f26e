/**
 * The pod a capacity question copies: a Pod, the pod template of a Deployment, ReplicaSet,
 * StatefulSet or Job (one replica), or the virt-launcher pod of a VirtualMachine (started or not)
 * or a VirtualMachineInstance, read by the scheduler's own reader so that the copies are what
 * the scheduler would see. A pod taken from a live cluster keeps nothing of where it runs.
 *
 * @since 0.1.0
 */
import type { ManifestFile } from "../domain/manifest/load.ts"
import type { Manifest } from "../domain/manifest/Manifest.ts"
import { modelFromFiles, priorityClassesOf } from "../scheduler/adapters/fromManifests.ts"
import type { SchedulingPod } from "../scheduler/model/SchedulingPod.ts"
import { OperationsError } from "./OperationsError.ts"

/** A template: the pod to copy and what it came from. @since 0.1.0 @category model */
export interface Template {
  readonly pod: SchedulingPod
  readonly kind: string
  readonly name: string
  readonly namespace: string
}

/**
 * The one workload in `files` as a pod to copy; PriorityClasses of the cluster (`clusterManifests`)
 * resolve its priority. Anything but exactly one workload is an {@link OperationsError}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const templateFrom = (files: ReadonlyArray<ManifestFile>, clusterManifests: ReadonlyArray<Manifest>): Template => {
  const where = files.map((f) => f.file).join(", ")
  const model = modelFromFiles(files, { startVms: true, priorityClasses: priorityClassesOf(clusterManifests) })
  if (model.nodes.length > 0) throw new OperationsError(`${where}: a template holds one workload, not nodes`)
  const origins = model.workload.origins ?? new Map()
  const pods = [...model.workload.bound.map((b) => b.pod), ...model.workload.pending]
  const sources = [...new Set(pods.map((p) => origins.get(p)?.manifest))].filter((m): m is Manifest => m !== undefined)
  const describe = (m: Manifest): string => `${m.kind === "Unknown" ? m.declaredKind : m.kind} ${m.metadata?.name ?? "<unnamed>"}`
  if (sources.length !== 1) {
    const skipped = model.workload.skipped.map((s) => `${s.key}: ${s.reason}`)
    throw new OperationsError(
      `${where}: expected one Pod, Deployment, ReplicaSet, StatefulSet, Job, VirtualMachine or VirtualMachineInstance, got ${sources.length === 0 ? "none" : sources.map(describe).join(", ")}${skipped.length > 0 ? ` (not used: ${skipped.join("; ")})` : ""}`,
    )
  }
  const m = sources[0]!
  const first = pods.find((p) => origins.get(p)?.manifest === m)!
  // a copy exists on its own: where the original ran, and what its controller waited for, are not its own
  const { nodeName: _, createdAfter: __, ...pod } = first
  return { pod, kind: m.kind === "Unknown" ? m.declaredKind : m.kind, name: m.metadata?.name ?? "<unnamed>", namespace: m.metadata?.namespace ?? "default" }
}
