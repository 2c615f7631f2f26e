import * as E from "fp-ts/lib/Either.js"
import { match } from "ts-pattern"

/**
 * The CSI volume lifecycle (S8.1) as a typed state machine, in two forms:
 *
 * - **typed**: a volume carries its lifecycle state in its type, and each CSI call accepts only
 *   the state it is valid in, so an illegal order (publishing before staging, deleting a
 *   published volume, …) does not compile (`test/types/storage.types.ts`);
 * - **runtime**: the same transitions as a table, for operation lists that come from outside;
 *   an illegal step is a {@link LifecycleError} naming its index, the state and what was allowed.
 *
 * The order is the CSI spec's: CreateVolume → ControllerPublishVolume(node) →
 * NodeStageVolume(staging path) → NodePublishVolume(target path), undone in reverse
 * (NodeUnpublish, NodeUnstage, ControllerUnpublish, DeleteVolume). KubeVirt adds one step on top:
 * QEMU opens the published path of the virt-launcher pod as a virtio-blk disk (`attachVirtio`).
 *
 * @since 0.1.0
 */

/** The lifecycle states. @since 0.1.0 @category model */
export type VolumeState = "Created" | "ControllerPublished" | "NodeStaged" | "NodePublished" | "AttachedToGuest" | "Deleted"

/**
 * A volume in state `S`: the literal `state` field carries the state in the type, so a function
 * taking `Volume<"NodeStaged">` refuses any other state at compile time.
 *
 * @since 0.1.0
 * @category model
 */
export interface Volume<S extends VolumeState> {
  readonly id: string
  readonly state: S
  readonly node?: string
  readonly stagingPath?: string
  readonly targetPath?: string
  readonly device?: string
}

/**
 * CreateVolume.
 *
 * @example
 * import { createVolume, controllerPublish, nodeStage, nodePublish } from "catcluster/domain/storage"
 * const v = nodePublish(nodeStage(controllerPublish(createVolume("pvc-1"), "node-a"), "/var/lib/kubelet/plugins/.../globalmount"), "/var/lib/kubelet/pods/uid/volumes/...")
 * v.state // "NodePublished"
 * // nodePublish(createVolume("pvc-2"), "/t") // compile error: Volume<"Created"> is not Volume<"NodeStaged">
 *
 * @since 0.1.0
 * @category typed lifecycle
 */
export const createVolume = (id: string): Volume<"Created"> => ({ id, state: "Created" })

/** ControllerPublishVolume(volume, node): attach to a node. @since 0.1.0 @category typed lifecycle */
export const controllerPublish = (v: Volume<"Created">, node: string): Volume<"ControllerPublished"> => ({ ...v, state: "ControllerPublished", node })

/** NodeStageVolume(volume, staging path): format/mount once per node. @since 0.1.0 @category typed lifecycle */
export const nodeStage = (v: Volume<"ControllerPublished">, stagingPath: string): Volume<"NodeStaged"> => ({ ...v, state: "NodeStaged", stagingPath })

/** NodePublishVolume(mount point, target path): bind into the pod's directory. @since 0.1.0 @category typed lifecycle */
export const nodePublish = (v: Volume<"NodeStaged">, targetPath: string): Volume<"NodePublished"> => ({ ...v, state: "NodePublished", targetPath })

/** KubeVirt: QEMU opens the published path as a virtio-blk disk (e.g. /dev/vda in the guest). @since 0.1.0 @category typed lifecycle */
export const attachVirtio = (v: Volume<"NodePublished">, device = "/dev/vda"): Volume<"AttachedToGuest"> => ({ ...v, state: "AttachedToGuest", device })

/** The guest releases the disk. @since 0.1.0 @category typed lifecycle */
export const detachVirtio = (v: Volume<"AttachedToGuest">): Volume<"NodePublished"> => {
  const { device: _device, ...rest } = v
  return { ...rest, state: "NodePublished" }
}

/** NodeUnpublishVolume. @since 0.1.0 @category typed lifecycle */
export const nodeUnpublish = (v: Volume<"NodePublished">): Volume<"NodeStaged"> => {
  const { targetPath: _targetPath, ...rest } = v
  return { ...rest, state: "NodeStaged" }
}

/** NodeUnstageVolume. @since 0.1.0 @category typed lifecycle */
export const nodeUnstage = (v: Volume<"NodeStaged">): Volume<"ControllerPublished"> => {
  const { stagingPath: _stagingPath, ...rest } = v
  return { ...rest, state: "ControllerPublished" }
}

/** ControllerUnpublishVolume. @since 0.1.0 @category typed lifecycle */
export const controllerUnpublish = (v: Volume<"ControllerPublished">): Volume<"Created"> => {
  const { node: _node, ...rest } = v
  return { ...rest, state: "Created" }
}

/** DeleteVolume: only an unattached volume. @since 0.1.0 @category typed lifecycle */
export const deleteVolume = (v: Volume<"Created">): Volume<"Deleted"> => ({ id: v.id, state: "Deleted" })

/** The operations, as data. @since 0.1.0 @category model */
export type CsiOperation =
  | "CreateVolume"
  | "ControllerPublishVolume"
  | "NodeStageVolume"
  | "NodePublishVolume"
  | "AttachVirtio"
  | "DetachVirtio"
  | "NodeUnpublishVolume"
  | "NodeUnstageVolume"
  | "ControllerUnpublishVolume"
  | "DeleteVolume"

/** The state before any operation. @since 0.1.0 @category model */
export type RuntimeState = VolumeState | "Absent"

/**
 * The transition table: `from` state → state after the operation (absent: illegal).
 *
 * @since 0.1.0
 * @category runtime lifecycle
 */
export const transition = (from: RuntimeState, op: CsiOperation): RuntimeState | undefined =>
  match([from, op] as const)
    .with(["Absent", "CreateVolume"], () => "Created" as const)
    .with(["Created", "ControllerPublishVolume"], () => "ControllerPublished" as const)
    .with(["ControllerPublished", "NodeStageVolume"], () => "NodeStaged" as const)
    .with(["NodeStaged", "NodePublishVolume"], () => "NodePublished" as const)
    .with(["NodePublished", "AttachVirtio"], () => "AttachedToGuest" as const)
    .with(["AttachedToGuest", "DetachVirtio"], () => "NodePublished" as const)
    .with(["NodePublished", "NodeUnpublishVolume"], () => "NodeStaged" as const)
    .with(["NodeStaged", "NodeUnstageVolume"], () => "ControllerPublished" as const)
    .with(["ControllerPublished", "ControllerUnpublishVolume"], () => "Created" as const)
    .with(["Created", "DeleteVolume"], () => "Deleted" as const)
    .otherwise(() => undefined)

/** Every CSI operation the lifecycle knows, in stack order (up, then down). @since 0.1.0 @category constants */
export const csiOperations: ReadonlyArray<CsiOperation> = [
  "CreateVolume",
  "ControllerPublishVolume",
  "NodeStageVolume",
  "NodePublishVolume",
  "AttachVirtio",
  "DetachVirtio",
  "NodeUnpublishVolume",
  "NodeUnstageVolume",
  "ControllerUnpublishVolume",
  "DeleteVolume",
]

/**
 * The operations legal in a state.
 *
 * @since 0.1.0
 * @category runtime lifecycle
 */
export const allowedOperations = (from: RuntimeState): ReadonlyArray<CsiOperation> => csiOperations.filter((op) => transition(from, op) !== undefined)

/** An operation applied in a state where it is illegal. @since 0.1.0 @category errors */
export class LifecycleError extends Error {
  readonly _tag = "LifecycleError" as const
  constructor(
    readonly path: string,
    readonly operation: CsiOperation,
    readonly state: RuntimeState,
    readonly allowed: ReadonlyArray<CsiOperation>,
  ) {
    super(`${path}: ${operation} is not allowed in state ${state} (allowed: ${allowed.join(", ") || "none"})`)
    this.name = "LifecycleError"
  }
}

/**
 * Runs a list of operations from `Absent`; the final state, or the first illegal step.
 *
 * @example
 * import { runLifecycle } from "catcluster/domain/storage"
 * runLifecycle(["CreateVolume", "NodePublishVolume"]) // Left LifecycleError "operations[1]: NodePublishVolume is not allowed in state Created ..."
 *
 * @since 0.1.0
 * @category runtime lifecycle
 */
export const runLifecycle = (operations: ReadonlyArray<CsiOperation>, path = "operations"): E.Either<LifecycleError, RuntimeState> => {
  let state: RuntimeState = "Absent"
  for (let i = 0; i < operations.length; i++) {
    const op = operations[i] as CsiOperation
    const next = transition(state, op)
    if (next === undefined) return E.left(new LifecycleError(`${path}[${i}]`, op, state, allowedOperations(state)))
    state = next
  }
  return E.right(state)
}

/**
 * The container path: publish into the pod directory.
 *
 * @since 0.1.0
 * @category paths
 */
export const containerPath: ReadonlyArray<CsiOperation> = ["CreateVolume", "ControllerPublishVolume", "NodeStageVolume", "NodePublishVolume"]

/**
 * The VM path as the seed writes it: `NodeStage(vol, …) >> QEMU.Mount(virtio_blk, "/dev/vda")`.
 *
 * @since 0.1.0
 * @category paths
 */
export const seedVmPath: ReadonlyArray<CsiOperation> = ["CreateVolume", "ControllerPublishVolume", "NodeStageVolume", "AttachVirtio"]

/**
 * The VM path as KubeVirt runs it: kubelet publishes the volume into the virt-launcher pod like
 * any pod volume, then QEMU attaches it.
 *
 * @since 0.1.0
 * @category paths
 */
export const kubevirtVmPath: ReadonlyArray<CsiOperation> = [...containerPath, "AttachVirtio"]
