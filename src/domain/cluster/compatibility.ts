/**
 * S1.5's API compatibility functor F : K8sNative → KubeVirt, on the operations a user has on a
 * workload. Each side is a graph of operations between lifecycle objects (its free category's
 * generators); F maps objects and operations. Faithful = injective on every hom-set of
 * generators; full = surjective onto every hom-set between images. A KubeVirt operation
 * between images that nothing maps to is a witness that F is not full.
 *
 * @since 0.1.0
 */

/** An operation `name : from → to`. @since 0.1.0 @category model */
export interface Operation<O extends string> {
  readonly name: string
  readonly from: O
  readonly to: O
}

/** Objects and operations of one API. @since 0.1.0 @category model */
export interface OperationGraph<O extends string> {
  readonly name: string
  readonly objects: ReadonlyArray<O>
  readonly operations: ReadonlyArray<Operation<O>>
}

/** Kubernetes-native workload objects. @since 0.1.0 @category model */
export type NativeObject = "Absent" | "Running"
/** KubeVirt workload objects. @since 0.1.0 @category model */
export type KubevirtObject = "Absent" | "Stopped" | "Running" | "Paused"

/**
 * What a user can do to a Kubernetes workload (v1.35): create, delete, evict, restart, exec,
 * logs, port-forward, in-place resize.
 *
 * @since 0.1.0
 * @category data
 */
export const nativeOperations: OperationGraph<NativeObject> = {
  name: "K8sNative",
  objects: ["Absent", "Running"],
  operations: [
    { name: "create", from: "Absent", to: "Running" },
    { name: "delete", from: "Running", to: "Absent" },
    { name: "evict", from: "Running", to: "Absent" },
    { name: "restart", from: "Running", to: "Running" },
    { name: "exec", from: "Running", to: "Running" },
    { name: "logs", from: "Running", to: "Running" },
    { name: "port-forward", from: "Running", to: "Running" },
    { name: "resize", from: "Running", to: "Running" },
  ],
}

/**
 * What a user can do to a KubeVirt VM (v1.9, `virtctl` and the API).
 *
 * @since 0.1.0
 * @category data
 */
export const kubevirtOperations: OperationGraph<KubevirtObject> = {
  name: "KubeVirt",
  objects: ["Absent", "Stopped", "Running", "Paused"],
  operations: [
    { name: "create", from: "Absent", to: "Running" },
    { name: "create-halted", from: "Absent", to: "Stopped" },
    { name: "delete", from: "Running", to: "Absent" },
    { name: "evict", from: "Running", to: "Absent" },
    { name: "start", from: "Stopped", to: "Running" },
    { name: "stop", from: "Running", to: "Stopped" },
    { name: "restart", from: "Running", to: "Running" },
    { name: "console", from: "Running", to: "Running" },
    { name: "guest-console-log", from: "Running", to: "Running" },
    { name: "port-forward", from: "Running", to: "Running" },
    { name: "cpu-memory-hotplug", from: "Running", to: "Running" },
    { name: "live-migrate", from: "Running", to: "Running" },
    { name: "snapshot", from: "Running", to: "Running" },
    { name: "vnc", from: "Running", to: "Running" },
    { name: "volume-hotplug", from: "Running", to: "Running" },
    { name: "pause", from: "Running", to: "Paused" },
    { name: "unpause", from: "Paused", to: "Running" },
  ],
}

/** F on objects and operations. @since 0.1.0 @category model */
export interface OperationFunctor<O1 extends string, O2 extends string> {
  readonly source: OperationGraph<O1>
  readonly target: OperationGraph<O2>
  readonly onObjects: Readonly<Record<O1, O2>>
  readonly onOperations: Readonly<Record<string, string>>
}

/**
 * The compatibility functor: each native operation to its KubeVirt counterpart.
 *
 * @since 0.1.0
 * @category data
 */
export const compatibilityFunctor: OperationFunctor<NativeObject, KubevirtObject> = {
  source: nativeOperations,
  target: kubevirtOperations,
  onObjects: { Absent: "Absent", Running: "Running" },
  onOperations: {
    create: "create",
    delete: "delete",
    evict: "evict",
    restart: "restart",
    exec: "console",
    logs: "guest-console-log",
    "port-forward": "port-forward",
    resize: "cpu-memory-hotplug",
  },
}

/** Whether F is a functor on generators, faithful, full, with witnesses. @since 0.1.0 @category model */
export interface FullFaithfulReport {
  /** Operations whose image is missing or has the wrong endpoints. */
  readonly notFunctorial: ReadonlyArray<string>
  /** Pairs of operations in one hom-set with the same image. */
  readonly notFaithful: ReadonlyArray<readonly [string, string]>
  /** Target operations between images that nothing maps to, with their hom-set. */
  readonly notFull: ReadonlyArray<{ readonly operation: string; readonly from: string; readonly to: string }>
  /**
   * Two different runs with the same ends and the same image, when there are any: F sends
   * operations to operations, so it is faithful on the free categories exactly when no such
   * pair exists (two operations in different hom-sets with one image can still collide once
   * composed).
   */
  readonly pathCollision: { readonly left: ReadonlyArray<string>; readonly right: ReadonlyArray<string> } | undefined
  readonly faithful: boolean
  readonly full: boolean
}

/**
 * Checks F on generators: endpoints preserved, injective and surjective per hom-set, and
 * faithful on runs (no two different runs with one image, found by a search of the pair graph).
 *
 * @example
 * import { checkFullFaithful, compatibilityFunctor } from "catcluster/domain/cluster"
 * checkFullFaithful(compatibilityFunctor).notFull.map((o) => o.operation) // includes "live-migrate"
 *
 * @since 0.1.0
 * @category checking
 */
export const checkFullFaithful = <O1 extends string, O2 extends string>(F: OperationFunctor<O1, O2>): FullFaithfulReport => {
  const target = new Map(F.target.operations.map((o) => [o.name, o]))
  const notFunctorial: string[] = []
  const notFaithful: Array<readonly [string, string]> = []
  const notFull: Array<{ operation: string; from: string; to: string }> = []
  for (const op of F.source.operations) {
    const image = target.get(F.onOperations[op.name] ?? "")
    if (image === undefined || image.from !== F.onObjects[op.from] || image.to !== F.onObjects[op.to]) notFunctorial.push(op.name)
  }
  for (const x of F.source.objects)
    for (const y of F.source.objects) {
      const hom = F.source.operations.filter((o) => o.from === x && o.to === y)
      const images = new Map<string, string>()
      for (const o of hom) {
        const img = F.onOperations[o.name] ?? ""
        const before = images.get(img)
        if (before !== undefined) notFaithful.push([before, o.name])
        else images.set(img, o.name)
      }
      for (const t of F.target.operations)
        if (t.from === F.onObjects[x] && t.to === F.onObjects[y] && !images.has(t.name)) notFull.push({ operation: t.name, from: t.from, to: t.to })
    }
  const pathCollision = collidingRuns(F)
  return { notFunctorial, notFaithful, notFull, pathCollision, faithful: notFaithful.length === 0 && pathCollision === undefined, full: notFull.length === 0 }
}

/**
 * Breadth-first search of the pair graph: nodes are (u, v, parted) — two runs from a common
 * start, now at u and v, that have taken different operations (parted) or not yet — and an
 * edge takes one operation on each side with the same image. Reaching (z, z, parted) gives two
 * different runs to z with one image.
 */
const collidingRuns = <O1 extends string, O2 extends string>(
  F: OperationFunctor<O1, O2>,
): { readonly left: ReadonlyArray<string>; readonly right: ReadonlyArray<string> } | undefined => {
  interface Node {
    readonly u: O1
    readonly v: O1
    readonly parted: boolean
    readonly left: ReadonlyArray<string>
    readonly right: ReadonlyArray<string>
  }
  const ops = F.source.operations.filter((o) => F.onOperations[o.name] !== undefined)
  const seen = new Set<string>()
  const queue: Node[] = []
  for (const x of F.source.objects) {
    seen.add(`${x}\u0000${x}\u0000false`)
    queue.push({ u: x, v: x, parted: false, left: [], right: [] })
  }
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!
    for (const a of ops) {
      if (a.from !== n.u) continue
      for (const b of ops) {
        if (b.from !== n.v || F.onOperations[a.name] !== F.onOperations[b.name]) continue
        const parted = n.parted || a.name !== b.name
        const next: Node = { u: a.to, v: b.to, parted, left: [...n.left, a.name], right: [...n.right, b.name] }
        if (parted && next.u === next.v) return { left: next.left, right: next.right }
        const key = `${next.u}\u0000${next.v}\u0000${parted}`
        if (seen.has(key)) continue
        seen.add(key)
        queue.push(next)
      }
    }
  }
  return undefined
}
