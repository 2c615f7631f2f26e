/**
 * The cluster an operator question is asked about: the nodes, every scheduling unit (a Pod, a
 * controller's replica, a VMI's virt-launcher pod) with what a drain needs to know of it (its
 * owner, labels, eviction strategy, whether it can live-migrate), the PodDisruptionBudgets, and
 * where everything runs now. Built from the scheduler's reading of the manifests
 * (`modelFromFiles`), so the answers use the scheduler of the project, and from nothing of its
 * internals: the questions go through `Scheduler.schedule` only.
 *
 * @since 0.1.0
 */
import type { Manifest } from "../domain/manifest/Manifest.ts"
import { controllerOf } from "../scheduler/adapters/lifecycle.ts"
import type { Workload } from "../scheduler/adapters/fromManifests.ts"
import type { ClusterObjects } from "../scheduler/model/ClusterObjects.ts"
import type { SchedulingNode } from "../scheduler/model/SchedulingNode.ts"
import type { SchedulingPod } from "../scheduler/model/SchedulingPod.ts"
import type { Profile } from "../scheduler/profile/Profile.ts"
import { defaultProfile } from "../scheduler/profile/Profile.ts"
import { disruptionBudgets, type DisruptionBudget } from "./DisruptionBudget.ts"
import { OperationsError } from "./OperationsError.ts"

/** The two kinds of scheduling unit: a pod, or a VMI (its virt-launcher pod, Ω′). @since 0.1.0 @category model */
export type UnitKind = "Pod" | "VirtualMachineInstance"

/** What KubeVirt needs to decide a VMI's fate on eviction. @since 0.1.0 @category model */
export interface VmiFacts {
  /** `spec.evictionStrategy` of the VMI (or its VM's template); undefined falls back to the cluster's. */
  readonly evictionStrategy?: string
  /** Whether it can live-migrate; when not, why. */
  readonly migratable: boolean
  readonly notMigratable?: string
  /** The owning VirtualMachine's run strategy (`running: true` reads as Always); undefined without a VM. */
  readonly runStrategy?: string
  /** A VM owns it but is not in the input. */
  readonly ownerMissing?: boolean
}

/**
 * One scheduling unit.
 *
 * @since 0.1.0
 * @category model
 */
export interface Unit {
  /** The scheduler's key, unique in the inventory (`namespace/name`, `#2` for a name given twice). */
  readonly key: string
  /** `metadata.name` of the Pod or VMI (for a replica stamped from a template, the name its controller would give). */
  readonly name: string
  readonly namespace: string
  readonly kind: UnitKind
  readonly pod: SchedulingPod
  readonly labels: Readonly<Record<string, string>>
  /** The managing controller: ReplicaSet, StatefulSet, Job, DaemonSet, Node (static pods), VirtualMachine, or the manifest a replica was stamped from. */
  readonly owner?: { readonly kind: string; readonly name: string }
  readonly vmi?: VmiFacts
  readonly manifest: Manifest
  /** Position in input order (ties in the scheduling queue are broken by it). */
  readonly order: number
  /**
   * A member of a StatefulSet with `podManagementPolicy: OrderedReady` (the default): the set's
   * `namespace/name` and the unit's ordinal. Its controller recreates such a member only once
   * every member below it is Running and Ready.
   */
  readonly ordered?: { readonly set: string; readonly ordinal: number }
}

/**
 * Everything the operator questions read.
 *
 * @since 0.1.0
 * @category model
 */
export interface Inventory {
  readonly nodes: ReadonlyArray<SchedulingNode>
  /** Units by key, in input order. */
  readonly units: ReadonlyMap<string, Unit>
  readonly budgets: ReadonlyArray<DisruptionBudget>
  /** Everything else the scheduler reads (Services and controllers for spreading, namespaces, PDBs, storage). */
  readonly objects: ClusterObjects
  /** The KubeVirt CR's `spec.configuration.evictionStrategy`, if a KubeVirt CR is in the input. */
  readonly clusterEvictionStrategy?: string
  readonly profile: Profile
  /** Further profiles (a configuration with several); empty for one. */
  readonly profiles: ReadonlyArray<Profile>
  readonly seed: number
  /** Units bound in the input (spec.nodeName, a VMI's status.nodeName), in input order. */
  readonly bound: ReadonlyArray<{ readonly key: string; readonly node: string }>
  /** Units the input leaves to the scheduler, in input order. */
  readonly unbound: ReadonlyArray<string>
}

/** Options of {@link inventory}. @since 0.1.0 @category model */
export interface InventoryOptions {
  readonly profile?: Profile
  /** Further profiles of a configuration with several (chosen per pod by `schedulerName`). */
  readonly profiles?: ReadonlyArray<Profile>
  readonly seed?: number
  /** Refuse units bound to a node that is not in the input (default true; a quota question needs no nodes). */
  readonly knownNodes?: boolean
}

type Meta = { readonly name?: string; readonly namespace?: string; readonly labels?: Readonly<Record<string, string>> }
const metaOf = (m: Manifest): Meta => (m.metadata ?? {}) as Meta

/** `spec.template.metadata.labels` of a controller or a VM. */
const templateLabels = (m: Manifest): Readonly<Record<string, string>> =>
  ((m as { readonly spec?: { readonly template?: { readonly metadata?: { readonly labels?: Record<string, string> } } } }).spec?.template?.metadata?.labels ?? {})

const RUNNING = new Set(["Always", "RerunOnFailure", "Once"])

interface RawVmiSpec {
  readonly evictionStrategy?: string
  readonly domain?: { readonly devices?: { readonly gpus?: ReadonlyArray<unknown>; readonly hostDevices?: ReadonlyArray<unknown>; readonly interfaces?: ReadonlyArray<{ readonly sriov?: unknown; readonly name?: string }> } }
  readonly volumes?: ReadonlyArray<{ readonly name?: string; readonly persistentVolumeClaim?: { readonly claimName?: string }; readonly dataVolume?: { readonly name?: string }; readonly hostDisk?: unknown }>
}

/**
 * Whether KubeVirt can live-migrate a VMI: its `LiveMigratable` condition when a live dump has
 * one, else the spec: no passed-through GPU or host device, no SR-IOV interface, no hostDisk,
 * and every PVC it mounts (directly or through a DataVolume of the same name) that the input
 * holds is ReadWriteMany (a PVC not in the input is assumed shared).
 */
const migratability = (spec: RawVmiSpec | undefined, status: unknown, namespace: string, pvcs: ReadonlyMap<string, ReadonlyArray<string>>): { migratable: boolean; why?: string } => {
  const conditions = (status as { readonly conditions?: ReadonlyArray<{ type?: string; status?: string; message?: string; reason?: string }> } | undefined)?.conditions
  const condition = conditions?.find((c) => c.type === "LiveMigratable")
  if (condition !== undefined) {
    return condition.status === "True" ? { migratable: true } : { migratable: false, why: `LiveMigratable=False${condition.message === undefined ? "" : `: ${condition.message}`}` }
  }
  const devices = spec?.domain?.devices
  if ((devices?.gpus?.length ?? 0) > 0) return { migratable: false, why: "a passed-through GPU" }
  if ((devices?.hostDevices?.length ?? 0) > 0) return { migratable: false, why: "a passed-through host device" }
  const sriov = devices?.interfaces?.find((i) => i.sriov !== undefined)
  if (sriov !== undefined) return { migratable: false, why: `the SR-IOV interface ${sriov.name ?? ""}`.trim() }
  for (const v of spec?.volumes ?? []) {
    if (v.hostDisk !== undefined) return { migratable: false, why: `the hostDisk volume ${v.name ?? ""}`.trim() }
    const claim = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name
    const modes = claim === undefined ? undefined : pvcs.get(`${namespace}/${claim}`)
    if (modes !== undefined && !modes.includes("ReadWriteMany")) return { migratable: false, why: `PVC ${claim} is ${modes.join(", ") || "not shared"}, not ReadWriteMany` }
  }
  return { migratable: true }
}

const vmRunStrategy = (vm: Manifest | undefined): string | undefined => {
  if (vm === undefined || vm.kind !== "VirtualMachine") return undefined
  return vm.spec.runStrategy ?? (vm.spec.running === true ? "Always" : "Halted")
}

/**
 * The inventory of a cluster from the scheduler's reading of it (`modelFromFiles`: nodes and
 * workload with origins) and the decoded manifests (PDBs, the KubeVirt CR, PVCs, VMs).
 *
 * @since 0.1.0
 * @category constructors
 */
export const inventory = (
  nodes: ReadonlyArray<SchedulingNode>,
  workload: Workload,
  manifests: ReadonlyArray<Manifest>,
  options: InventoryOptions = {},
): Inventory => {
  const origins = workload.origins ?? new Map()
  const vms = new Map(manifests.flatMap((m) => (m.kind === "VirtualMachine" ? [[`${metaOf(m).namespace ?? "default"}/${metaOf(m).name ?? ""}`, m] as const] : [])))
  const pvcs = new Map(
    manifests.flatMap((m) => (m.kind === "PersistentVolumeClaim" ? [[`${metaOf(m).namespace ?? "default"}/${metaOf(m).name ?? ""}`, m.spec.accessModes ?? []] as const] : [])),
  )
  // StatefulSets whose controller works in ordinal order (apps/v1 defaults an absent policy to OrderedReady)
  const orderedSets = new Set(
    manifests.flatMap((m) => (m.kind === "StatefulSet" && (m.spec.podManagementPolicy ?? "") !== "Parallel" ? [`${metaOf(m).namespace ?? "default"}/${metaOf(m).name ?? ""}`] : [])),
  )
  const units = new Map<string, Unit>()
  const bound: Array<{ key: string; node: string }> = []
  const unbound: string[] = []
  const taken = new Map<string, number>()
  const all: ReadonlyArray<{ pod: SchedulingPod; node?: string }> = [...workload.bound.map((b) => ({ pod: b.pod, node: b.node })), ...workload.pending.map((pod) => ({ pod }))]
  // input order: the origins map was filled in reading order
  const position = new Map([...origins.keys()].map((p, i) => [p, i] as const))
  const ordered = [...all].sort((a, b) => (position.get(a.pod) ?? 0) - (position.get(b.pod) ?? 0))
  for (const { pod, node } of ordered) {
    const origin = origins.get(pod)
    if (origin === undefined) throw new OperationsError(`internal: the scheduler's reading gave ${pod.key} without its manifest`)
    const m = origin.manifest
    const seen = taken.get(pod.key) ?? 0
    taken.set(pod.key, seen + 1)
    const key = seen === 0 ? pod.key : `${pod.key}#${seen + 1}`
    const namespace = metaOf(m).namespace ?? "default"
    const name = pod.key.slice(pod.key.indexOf("/") + 1)
    const isVmi = m.kind === "VirtualMachineInstance" || m.kind === "VirtualMachine"
    const replicated = m.kind === "VirtualMachineInstanceReplicaSet" || m.kind === "VirtualMachinePool"
    let owner: Unit["owner"]
    let labels: Readonly<Record<string, string>>
    let vmi: VmiFacts | undefined
    if (m.kind === "Pod") {
      const ref = pod.controller
      const mirror = m.metadata?.annotations?.["kubernetes.io/config.mirror"] !== undefined
      owner = mirror ? { kind: "Node", name: m.spec.nodeName ?? "" } : ref === undefined ? undefined : { kind: ref.kind, name: ref.name }
      labels = metaOf(m).labels ?? {}
    } else if (isVmi) {
      const ref = m.kind === "VirtualMachine" ? { kind: "VirtualMachine", name: metaOf(m).name ?? "" } : controllerOf(metaOf(m), (path) => path)
      const vm = m.kind === "VirtualMachine" ? m : (ref?.kind === "VirtualMachine" ? vms.get(`${namespace}/${ref.name}`) : undefined) ?? vms.get(`${namespace}/${name}`)
      const ownerName = ref?.kind === "VirtualMachine" ? ref.name : vm === undefined ? undefined : (metaOf(vm).name ?? name)
      owner = ownerName === undefined ? undefined : { kind: "VirtualMachine", name: ownerName }
      labels = m.kind === "VirtualMachine" ? templateLabels(m) : (metaOf(m).labels ?? {})
      const spec = (m.kind === "VirtualMachine" ? (m.spec.template.spec as unknown) : m.spec) as RawVmiSpec
      const status = m.kind === "VirtualMachineInstance" ? m.status : undefined
      const mig = migratability(spec, status, namespace, pvcs)
      const runStrategy = vmRunStrategy(vm)
      vmi = {
        ...(spec.evictionStrategy === undefined ? {} : { evictionStrategy: spec.evictionStrategy }),
        migratable: mig.migratable,
        ...(mig.why === undefined ? {} : { notMigratable: mig.why }),
        ...(runStrategy === undefined ? {} : { runStrategy }),
        ...(owner !== undefined && vm === undefined ? { ownerMissing: true } : {}),
      }
    } else if (replicated) {
      // a VMI of a VirtualMachineInstanceReplicaSet or a VM pool: its controller keeps the count
      owner = { kind: m.kind, name: metaOf(m).name ?? "" }
      const raw = m as unknown as { spec?: { template?: { metadata?: { labels?: Record<string, string> }; spec?: RawVmiSpec }; virtualMachineTemplate?: { spec?: { runStrategy?: string; running?: boolean; template?: { metadata?: { labels?: Record<string, string> }; spec?: RawVmiSpec } } } } }
      const vmSpec = raw.spec?.virtualMachineTemplate?.spec
      const template = m.kind === "VirtualMachinePool" ? vmSpec?.template : raw.spec?.template
      labels = template?.metadata?.labels ?? {}
      const mig = migratability(template?.spec, undefined, namespace, pvcs)
      vmi = {
        ...(template?.spec?.evictionStrategy === undefined ? {} : { evictionStrategy: template.spec.evictionStrategy }),
        migratable: mig.migratable,
        ...(mig.why === undefined ? {} : { notMigratable: mig.why }),
        // a replica set replaces a VMI that goes away, like a VM that keeps it running
        runStrategy: m.kind === "VirtualMachinePool" ? (vmSpec?.runStrategy ?? (vmSpec?.running === true ? "Always" : "Halted")) : "Always",
      }
    } else {
      // a replica stamped from a controller's template: the controller recreates it
      owner = { kind: m.kind === "Unknown" ? m.declaredKind : m.kind, name: metaOf(m).name ?? "" }
      labels = templateLabels(m)
    }
    const ordinal = owner?.kind === "StatefulSet" && orderedSets.has(`${namespace}/${owner.name}`) && name.startsWith(`${owner.name}-`) ? name.slice(owner.name.length + 1) : undefined
    const unit: Unit = {
      ...(ordinal !== undefined && /^(0|[1-9][0-9]*)$/.test(ordinal) ? { ordered: { set: `${namespace}/${owner!.name}`, ordinal: Number(ordinal) } } : {}),
      key,
      name,
      namespace,
      kind: isVmi || replicated ? "VirtualMachineInstance" : "Pod",
      pod: key === pod.key ? pod : { ...pod, key },
      labels,
      ...(owner === undefined ? {} : { owner }),
      ...(vmi === undefined ? {} : { vmi }),
      manifest: m,
      order: units.size,
    }
    units.set(key, unit)
    if (node !== undefined) bound.push({ key, node })
    else unbound.push(key)
  }
  const known = new Set(nodes.map((n) => n.name))
  for (const b of options.knownNodes === false ? [] : bound) {
    if (!known.has(b.node)) {
      const u = units.get(b.key)!
      throw new OperationsError(`${u.manifest.source.file}: ${u.kind} ${u.namespace}/${u.name} runs on node ${b.node}, which is not among the nodes (${[...known].join(", ")})`)
    }
  }
  // the codec has checked `evictionStrategy` is a string
  const kubevirt = manifests.find((m) => m.kind === "KubeVirt")
  const clusterStrategy = kubevirt?.kind === "KubeVirt" ? kubevirt.spec?.configuration?.evictionStrategy : undefined
  return {
    nodes,
    units,
    budgets: disruptionBudgets(manifests),
    objects: workload.objects,
    ...(typeof clusterStrategy === "string" ? { clusterEvictionStrategy: clusterStrategy } : {}),
    profile: options.profile ?? defaultProfile,
    profiles: options.profiles ?? [],
    seed: options.seed ?? 0,
    bound,
    unbound,
  }
}

/** Whether a VM's run strategy restarts its VMI when the VMI is shut down by an eviction or a node loss. @since 0.1.0 @category predicates */
export const restartsVmi = (runStrategy: string | undefined): boolean => runStrategy === "Always" || runStrategy === "RerunOnFailure"

/** Whether a run strategy keeps a VMI running at all. @since 0.1.0 @category predicates */
export const runsVmi = (runStrategy: string | undefined): boolean => RUNNING.has(runStrategy ?? "")
