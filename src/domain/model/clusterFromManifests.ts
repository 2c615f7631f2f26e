import * as E from "fp-ts/lib/Either.js"
import { match } from "ts-pattern"
import { wrapVm } from "../cluster/morphisms.ts"
import type { Cluster, Container, Machine, Pod, SchedulingUnit, VirtualMachine, Vmi } from "../cluster/objects.ts"
import type { Placement } from "../cluster/schedule.ts"
import { effectiveMemoryRequest, vcpuCount } from "../kubevirt/overhead.ts"
import { decodeVmiSpec, type VmiSpec } from "../kubevirt/VmiSpec.ts"
import type { PodSpec } from "../manifest/codecs/pod.ts"
import type { Manifest, ManifestOf, ManifestSource } from "../manifest/Manifest.ts"
import { CLUSTER_SCOPED_KINDS } from "../manifest/objectKey.ts"
import { podTemplateOf } from "../manifest/workload.ts"
import { canonical } from "../quantity/canonical.ts"
import type { Quantity } from "../quantity/Quantity.ts"
import { podRequests } from "../resources/PodRequests.ts"
import { containerLimits, containerRequests } from "../resources/ResourceRequirements.ts"
import { fromQuantities, type ResourceVector } from "../resources/ResourceVector.ts"
import { type ModelError, showSource } from "./ModelError.ts"

/**
 * From a user's decoded manifests to the domain's cluster (S1.1): Nodes become machines P,
 * Pods and the pod templates of Deployments, ReplicaSets, StatefulSets and Jobs (× replicas)
 * become containers C wrapped into Pods (Ω), running VirtualMachines, VMIs and the replicas of
 * VirtualMachineInstanceReplicaSets and (running) VirtualMachinePools become VMs V
 * wrapped into VMIs (Ω′, KubeVirt v1.9's virt-launcher pod), and `spec.nodeName` (a VMI's
 * `status.nodeName`) gives the placement σ already made.
 *
 * Nothing is dropped silently: every manifest is either a machine, a scheduling unit, or listed
 * in `notModelled` with the reason (an unknown kind, a stopped VM, a kind outside the cluster
 * category such as a Service).
 *
 * @since 0.1.0
 */

/** Above this many replicas a controller is not expanded (the model enumerates its pods). */
const MAX_REPLICAS = 10_000

/**
 * Where a scheduling unit came from: the manifest, its kind and name, and which replica.
 *
 * @since 0.1.0
 * @category model
 */
export interface UnitOrigin {
  readonly kind: string
  /** `namespace/name` of the manifest. */
  readonly object: string
  readonly source: ManifestSource
  /** The replica of a controller's template (0-based); absent for a Pod or VMI. */
  readonly replica?: number
}

/**
 * A scheduling unit of the user's cluster with what the scheduler sees of it.
 *
 * @since 0.1.0
 * @category model
 */
export interface ModelledUnit {
  readonly unit: SchedulingUnit
  /**
   * The effective request kube-scheduler fits against a node: for a Pod, Kubernetes' aggregate
   * (init containers and sidecars, pod overhead, pod-level resources); for a VMI, its launcher
   * pod's requests (the footprint of Ω′).
   */
  readonly request: ResourceVector
  readonly origin: UnitOrigin
  /** The pod spec of a Pod unit (for per-container checks); absent for a VMI. */
  readonly podSpec?: PodSpec
  /** The node it is bound to (`spec.nodeName`, or a VMI's `status.nodeName`). */
  readonly nodeName?: string
}

/**
 * A machine with the manifest it came from.
 *
 * @since 0.1.0
 * @category model
 */
export interface ModelledMachine {
  readonly machine: Machine
  readonly source: ManifestSource
}

/**
 * A manifest that is not part of the cluster category, and why.
 *
 * @since 0.1.0
 * @category model
 */
export interface NotModelled {
  readonly kind: string
  readonly object: string
  readonly source: ManifestSource
  readonly reason: string
}

/**
 * The user's cluster as the domain models it.
 *
 * @since 0.1.0
 * @category model
 */
export interface ClusterModel {
  readonly cluster: Cluster
  /** σ as given by the manifests: unit name → node name. */
  readonly placement: Placement
  readonly machines: ReadonlyArray<ModelledMachine>
  /** In the order of `cluster.units`. */
  readonly units: ReadonlyArray<ModelledUnit>
  readonly notModelled: ReadonlyArray<NotModelled>
}

// Cluster-scoped kinds are shown without a namespace; other unknown kinds with theirs when they give one.
const objectName = (m: Manifest): string => {
  const name = m.metadata?.name ?? m.metadata?.generateName ?? "<unnamed>"
  const namespace = m.metadata?.namespace
  if (CLUSTER_SCOPED_KINDS.has(kindOf(m)) || (m.kind === "Unknown" && namespace === undefined)) return name
  return `${namespace ?? "default"}/${name}`
}

const kindOf = (m: Manifest): string => (m.kind === "Unknown" ? m.declaredKind : m.kind)

const isQuantity = (u: object): u is Quantity =>
  typeof (u as { nanos?: unknown }).nanos === "bigint" && typeof (u as { format?: unknown }).format === "string"

/**
 * A decoded manifest back as plain data, quantities in canonical form (exact: canonical text
 * parses to the same value), for readers that take raw manifests like `decodeVmiSpec`.
 */
const plain = (u: unknown): unknown => {
  if (Array.isArray(u)) return u.map(plain)
  if (typeof u !== "object" || u === null) return u
  if (isQuantity(u)) return canonical(u)
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(u)) if (k !== "source" && k !== "unknownFields") out[k] = plain(v)
  return out
}

/** Kernel of a node as its kubelet reports it; pods on it share it. */
const kernelOf = (n: ManifestOf<"Node">): string => {
  const info = n.status?.nodeInfo as { readonly kernelVersion?: unknown } | undefined
  return typeof info?.kernelVersion === "string" ? info.kernelVersion : "linux"
}

const machineOf = (n: ManifestOf<"Node">): E.Either<ModelError, ModelledMachine> => {
  // a kubelet reports both; a hand-written Node may give one, which then stands for the other
  const capacity = n.status?.capacity ?? n.status?.allocatable
  const allocatable = n.status?.allocatable ?? n.status?.capacity
  if (allocatable === undefined || capacity === undefined) {
    return E.left({
      _tag: "ModelError",
      source: n.source,
      object: `Node ${objectName(n)}`,
      path: "status.allocatable",
      problem: "a Node needs status.capacity or status.allocatable: without them it offers nothing to schedule on",
    })
  }
  return E.right({
    machine: { _tag: "P", name: objectName(n), capacity: fromQuantities(capacity), allocatable: fromQuantities(allocatable), kernel: kernelOf(n) },
    source: n.source,
  })
}

/** Whether a VirtualMachine's controller keeps a VMI for it (KubeVirt `running` / `runStrategy`). */
const vmRuns = (vm: ManifestOf<"VirtualMachine">): { readonly runs: boolean; readonly why: string } => {
  const strategy = vm.spec.runStrategy
  if (strategy !== undefined) {
    return match(strategy)
      .with("Always", "RerunOnFailure", "Once", (s) => ({ runs: true, why: `runStrategy ${s}` }))
      .with("Halted", "Manual", "WaitAsReceiver", (s) => ({ runs: false, why: `runStrategy ${s}: no VMI is started for it` }))
      .exhaustive()
  }
  if (vm.spec.running === true) return { runs: true, why: "running: true" }
  return { runs: false, why: vm.spec.running === false ? "running: false" : "neither running nor runStrategy is set (the VM is halted)" }
}

/** Kinds that decode fully but are not objects or arrows of the cluster category. */
const outsideCategory: Readonly<Record<string, string>> = {
  VirtualMachineInstanceMigration: "a migration request (see the dynamics' migration model), not a workload",
  MigrationPolicy: "migration tuning, not a workload",
  PersistentVolumeClaim: "storage (the S8 storage model; σ's volume plugins read it), not a workload",
  PersistentVolume: "storage (the S8 storage model; σ's volume plugins read it), not a workload",
  StorageClass: "storage (the S8 storage model; σ's volume plugins read it), not a workload",
  CSINode: "storage (σ's NodeVolumeLimits reads it), not a workload",
  CSIDriver: "storage (σ's VolumeBinding reads its storageCapacity), not a workload",
  CSIStorageCapacity: "storage (σ's VolumeBinding checks provisioning against it), not a workload",
  VolumeAttachment: "storage (σ's NodeVolumeLimits counts the volume it keeps attached), not a workload",
  ResourceQuota: "admission (the S9 quota model), not a workload",
  PriorityClass: "priority (the scheduler model), not a workload",
  Service: "networking (the S7 services model), not a workload",
  EndpointSlice: "networking (the S7 services model), not a workload",
  HorizontalPodAutoscaler: "autoscaling (the dynamics' HPA model), not a workload",
  KubeVirt: "cluster-wide KubeVirt configuration (eviction strategy, migration settings), not a workload",
}

interface Builder {
  readonly machines: ModelledMachine[]
  readonly units: ModelledUnit[]
  readonly notModelled: NotModelled[]
  readonly errors: ModelError[]
  /** node name → kernel, known before any pod is built (Ψ: a container runs on its host's kernel). */
  readonly kernels: ReadonlyMap<string, string>
  /** Unit names taken so far: σ is keyed by name, so two manifests of one name get `#2`, `#3`. */
  readonly taken: Map<string, number>
}

const uniqueName = (b: Builder, name: string): string => {
  const seen = b.taken.get(name) ?? 0
  b.taken.set(name, seen + 1)
  return seen === 0 ? name : `${name}#${seen + 1}`
}

const podUnit = (b: Builder, m: Manifest, spec: PodSpec, given: string, replica: number | undefined): void => {
  const name = uniqueName(b, given)
  const host = spec.nodeName ?? "(unscheduled)"
  const containers: Container[] = spec.containers.map((c) => ({
    _tag: "C",
    name: `${name}/${c.name}`,
    host,
    image: c.image ?? "",
    requests: containerRequests(c),
    limits: containerLimits(c),
    // Ψ: a container has no kernel of its own; it runs on its host's once σ has placed it
    kernel: b.kernels.get(host) ?? "(unscheduled)",
  }))
  const pod: Pod = { _tag: "Pod", name, containers }
  b.units.push({
    unit: pod,
    request: podRequests(spec),
    origin: { kind: kindOf(m), object: objectName(m), source: m.source, ...(replica === undefined ? {} : { replica }) },
    podSpec: spec,
    ...(spec.nodeName === undefined ? {} : { nodeName: spec.nodeName }),
  })
}

const vmiUnit = (b: Builder, m: ManifestOf<"VirtualMachine"> | ManifestOf<"VirtualMachineInstance">, nodeName: string | undefined): void => {
  const decoded = decodeVmiSpec(plain(m), m.source.file)
  if (E.isLeft(decoded)) {
    b.errors.push({ _tag: "ModelError", source: m.source, object: `${m.kind} ${objectName(m)}`, path: decoded.left.path, problem: decoded.left.problem })
    return
  }
  pushVmi(b, decoded.right, objectName(m), { kind: m.kind, object: objectName(m), source: m.source }, nodeName)
}

const pushVmi = (b: Builder, decoded: VmiSpec, given: string, origin: UnitOrigin, nodeName: string | undefined): void => {
  const name = uniqueName(b, given)
  const spec = { ...decoded, name }
  const vm: VirtualMachine = {
    _tag: "V",
    name,
    host: nodeName ?? "(unscheduled)",
    vcpus: vcpuCount(spec),
    memory: effectiveMemoryRequest(spec),
    guestKernel: "guest",
    spec,
  }
  const vmi: Vmi = wrapVm(vm).target
  b.units.push({
    unit: vmi,
    request: fromRecord(vmi.launcher.requests),
    origin,
    ...(nodeName === undefined ? {} : { nodeName }),
  })
}

/**
 * The replicas of a VirtualMachineInstanceReplicaSet (VMIs from its template) or of a
 * VirtualMachinePool (VMs from its template, running per the template's run strategy), as
 * VMI units `namespace/name[i]`. The template is decoded once, as a VMI (or VM) of the pool's
 * name and namespace, so errors point into the pool's own document.
 */
const replicaVmis = (b: Builder, m: ManifestOf<"VirtualMachineInstanceReplicaSet"> | ManifestOf<"VirtualMachinePool">, skip: (reason: string) => void): void => {
  const replicas = m.spec.replicas ?? 1
  const path = m.kind === "VirtualMachinePool" ? "spec.virtualMachineTemplate.spec.template.spec" : "spec.template.spec"
  if (replicas > MAX_REPLICAS) {
    b.errors.push({ _tag: "ModelError", source: m.source, object: `${m.kind} ${objectName(m)}`, path: "spec.replicas", problem: `${replicas} replicas: more than ${MAX_REPLICAS} VMIs are not enumerated` })
    return
  }
  if (m.kind === "VirtualMachinePool") {
    const vm = { kind: "VirtualMachine", spec: m.spec.virtualMachineTemplate.spec } as unknown as ManifestOf<"VirtualMachine">
    const { runs, why } = vmRuns(vm)
    if (!runs) return skip(`its VMs are stopped (${why})`)
  }
  if (replicas === 0) return skip("0 replicas: no VMI to schedule")
  const template = m.kind === "VirtualMachinePool" ? m.spec.virtualMachineTemplate.spec.template : m.spec.template
  const asVmi = { kind: "VirtualMachineInstance", metadata: { ...template.metadata, name: m.metadata?.name ?? "<unnamed>" }, spec: template.spec }
  const decoded = decodeVmiSpec(plain(asVmi), m.source.file)
  if (E.isLeft(decoded)) {
    b.errors.push({ _tag: "ModelError", source: m.source, object: `${m.kind} ${objectName(m)}`, path: decoded.left.path.replace(/^spec/, path), problem: decoded.left.problem })
    return
  }
  for (let i = 0; i < replicas; i++) {
    pushVmi(b, decoded.right, `${objectName(m)}[${i}]`, { kind: m.kind, object: objectName(m), source: m.source, replica: i }, undefined)
  }
}

const fromRecord = (r: Readonly<Record<string, bigint>>): ResourceVector => new Map(Object.entries(r))

/** `Succeeded` or `Failed` (absorbing phases of Pods and VMIs), else undefined. */
const terminalPhase = (status: unknown): string | undefined => {
  const phase = (status as { readonly phase?: unknown } | undefined)?.phase
  return phase === "Succeeded" || phase === "Failed" ? phase : undefined
}

const statusNodeName = (m: ManifestOf<"VirtualMachineInstance">): string | undefined => {
  const n = (m.status as { readonly nodeName?: unknown } | undefined)?.nodeName
  return typeof n === "string" && n !== "" ? n : undefined
}

/**
 * Builds the domain's cluster from decoded manifests, or every reason it cannot be built.
 *
 * Unit names: a Pod or VMI is `namespace/name`; replica i of a controller is
 * `namespace/name[i]`; a running VM whose VMI is also given is modelled once, by the VMI. A Node,
 * Pod or VMI named twice (in its namespace) is an error naming both places; other units of one
 * name (e.g. a Pod and a controller's replica) get `name#2` for the second.
 *
 * @example
 * import * as E from "fp-ts/lib/Either.js"
 * import { decodeManifests } from "catcluster/domain/manifest"
 * import { clusterFromManifests } from "catcluster/domain/model"
 * // const model = E.flatMap(clusterFromManifests)(decodeManifests(text, "cluster.yaml"))
 * // model.right.cluster.machines.length, model.right.placement.get("default/web") === "node-1"
 *
 * @since 0.1.0
 * @category constructors
 */
export const clusterFromManifests = (manifests: ReadonlyArray<Manifest>): E.Either<ReadonlyArray<ModelError>, ClusterModel> => {
  const kernels = new Map(manifests.flatMap((m) => (m.kind === "Node" ? [[objectName(m), kernelOf(m)] as const] : [])))
  const b: Builder = { machines: [], units: [], notModelled: [], errors: [], kernels, taken: new Map() }
  const vmiNames = new Set(manifests.flatMap((m) => (m.kind === "VirtualMachineInstance" ? [objectName(m)] : [])))
  // the API server holds one object of a kind per (namespace and) name: a second is a mistake
  const first = new Map<string, Manifest>()
  for (const m of manifests) {
    if ((m.kind === "Node" || m.kind === "Pod" || m.kind === "VirtualMachineInstance") && m.metadata?.name !== undefined) {
      const id = `${m.kind} ${objectName(m)}`
      const earlier = first.get(id)
      if (earlier !== undefined) {
        b.errors.push({ _tag: "ModelError", source: m.source, object: id, path: "metadata.name", problem: `Duplicate value: ${JSON.stringify(m.metadata.name)} (first at ${showSource(earlier.source)})` })
        continue
      }
      first.set(id, m)
    }
    const skip = (reason: string): void => {
      b.notModelled.push({ kind: kindOf(m), object: objectName(m), source: m.source, reason })
    }
    match(m)
      .with({ kind: "Node" }, (n) => {
        const r = machineOf(n)
        if (E.isLeft(r)) b.errors.push(r.left)
        else b.machines.push(r.right)
      })
      .with({ kind: "Pod" }, (p) => {
        // kube-scheduler does not count terminated pods (its informer drops Succeeded/Failed)
        const phase = terminalPhase(p.status)
        if (phase !== undefined) skip(`terminated (phase ${phase}): holds no resources on its node`)
        else podUnit(b, p, p.spec, objectName(p), undefined)
      })
      .with({ kind: "Deployment" }, { kind: "ReplicaSet" }, { kind: "StatefulSet" }, { kind: "Job" }, (w) => {
        const template = podTemplateOf(w)
        if (template === undefined) return
        if (template.replicas > MAX_REPLICAS) {
          b.errors.push({
            _tag: "ModelError",
            source: w.source,
            object: `${w.kind} ${objectName(w)}`,
            path: w.kind === "Job" ? "spec.parallelism" : "spec.replicas",
            problem: `${template.replicas} replicas: more than ${MAX_REPLICAS} pods are not enumerated`,
          })
          return
        }
        if (template.replicas === 0) skip("0 replicas: no pod to schedule")
        for (let i = 0; i < template.replicas; i++) podUnit(b, w, template.spec, `${objectName(w)}[${i}]`, i)
      })
      .with({ kind: "VirtualMachineInstance" }, (vmi) => {
        const phase = terminalPhase(vmi.status)
        if (phase !== undefined) skip(`terminated (phase ${phase}): its launcher pod holds no resources`)
        else vmiUnit(b, vmi, statusNodeName(vmi))
      })
      .with({ kind: "VirtualMachine" }, (vm) => {
        const { runs, why } = vmRuns(vm)
        if (!runs) skip(`stopped VM (${why})`)
        else if (vmiNames.has(objectName(vm))) skip(`running (${why}); modelled by its VirtualMachineInstance of the same name`)
        else vmiUnit(b, vm, undefined)
      })
      .with({ kind: "VirtualMachineInstanceReplicaSet" }, { kind: "VirtualMachinePool" }, (pool) => replicaVmis(b, pool, skip))
      .with({ kind: "Unknown" }, (u) => skip(`kind ${u.declaredKind} is not modelled by catcluster`))
      .otherwise((o) => skip(outsideCategory[o.kind] ?? `kind ${o.kind} is not part of the cluster category`))
  }
  if (b.errors.length > 0) return E.left(b.errors)
  const placement = new Map<string, string>()
  for (const u of b.units) if (u.nodeName !== undefined) placement.set(u.unit.name, u.nodeName)
  return E.right({
    cluster: { machines: b.machines.map((m) => m.machine), units: b.units.map((u) => u.unit) },
    placement,
    machines: b.machines,
    units: b.units,
    notModelled: b.notModelled,
  })
}
