/**
 * From manifests to the scheduler's model: a kubectl NodeList (JSON or YAML) to nodes, and Pods,
 * VirtualMachineInstances and VirtualMachines to pods. A VMI (or a VM's template) goes through Ω′,
 * the virt-launcher pod of KubeVirt v1.9 (`src/domain/kubevirt`), overhead included; KubeVirt's
 * node selectors come along: `kubevirt.io/schedulable: "true"` and one
 * `cpu-feature.node.kubevirt.io/<f>` per required CPU feature (kept as `requiredFeatures`).
 * Dedicated-CPU VMIs get a NUMA requirement (all vCPUs and the guest memory in one cell).
 *
 * Amounts: cpu as `MilliValue()`, everything else as `Value()` (both rounded up, as Kubernetes
 * does). NUMA cells are not part of a Node object (NodeResourceTopology is a separate CRD); a node
 * may describe them in the annotation `catcluster.io/numa-cells`, a JSON array of
 * `{"cpus": 16, "memory": "64Gi", "hugepages": "0"}`. Pod-level `spec.resources` requests (or
 * limits) override cpu, memory and hugepages (PodLevelResources, on by default since v1.34).
 *
 * @since 0.1.0
 */
import * as E from "fp-ts/lib/Either.js"
import { parseAllDocuments } from "yaml"
import { decodeVmiSpec } from "../../domain/kubevirt/VmiSpec.ts"
import { KVM_DEVICE, virtLauncherPod } from "../../domain/kubevirt/virtLauncherPod.ts"
import { decodeManifests } from "../../domain/manifest/decode.ts"
import type { Manifest } from "../../domain/manifest/Manifest.ts"
import { resolveOwnership, terminalPhaseOf, type Ownership } from "../../domain/manifest/ownership.ts"
import { showManifestError } from "../../domain/manifest/ManifestError.ts"
import { podTemplateOf } from "../../domain/manifest/workload.ts"
import { parseQuantity } from "../../domain/quantity/parse.ts"
import { milliValue, value } from "../../domain/quantity/decimal.ts"
import type { Quantity } from "../../domain/quantity/Quantity.ts"
import type { Binding } from "../model/ClusterSnapshot.ts"
import type { NumaCell, SchedulingNode, Taint } from "../model/SchedulingNode.ts"
import type {
  ContainerRequests,
  NodeSelectorTerm,
  PreferredTerm,
  SchedulingPod,
  SelectorRequirement,
  Toleration,
} from "../model/SchedulingPod.ts"
import { SchedulerInputError } from "../SchedulerInputError.ts"

/** The annotation carrying a node's NUMA cells. @since 0.1.0 @category constants */
export const NUMA_CELLS_ANNOTATION = "catcluster.io/numa-cells"

const amount = (name: string, q: Quantity): number => Number(name === "cpu" ? milliValue(q) : value(q))
const amounts = (list: Readonly<Record<string, Quantity>> | undefined): Record<string, number> => {
  const out: Record<string, number> = {}
  for (const [k, q] of Object.entries(list ?? {})) out[k] = amount(k, q)
  return out
}

const where = (m: Manifest, path: string): string =>
  `${m.source.file}: document ${m.source.document}${m.source.item === undefined ? "" : `, items[${m.source.item}]`}${path === "" ? "" : `, ${path}`}`

const decodeAll = (text: string, file: string): ReadonlyArray<Manifest> => {
  const r = decodeManifests(text, file)
  if (E.isLeft(r)) throw new SchedulerInputError("", r.left.map(showManifestError).join("\n"))
  return r.right
}

interface RawTerm {
  readonly matchExpressions?: ReadonlyArray<{ key: string; operator: SelectorRequirement["operator"]; values?: ReadonlyArray<string> }>
  readonly matchFields?: ReadonlyArray<{ key: string; operator: SelectorRequirement["operator"]; values?: ReadonlyArray<string> }>
}
const term = (t: RawTerm): NodeSelectorTerm => ({
  matchExpressions: (t.matchExpressions ?? []).map((r) => ({ key: r.key, operator: r.operator, values: r.values ?? [] })),
  matchFields: (t.matchFields ?? []).map((r) => ({ key: r.key, operator: r.operator, values: r.values ?? [] })),
})

interface RawPlacement {
  readonly nodeSelector?: Readonly<Record<string, string>>
  readonly tolerations?: ReadonlyArray<{ key?: string; operator?: string; value?: string; effect?: string }>
  readonly affinity?: {
    readonly nodeAffinity?: {
      readonly requiredDuringSchedulingIgnoredDuringExecution?: { readonly nodeSelectorTerms: ReadonlyArray<RawTerm> }
      readonly preferredDuringSchedulingIgnoredDuringExecution?: ReadonlyArray<{ weight: number; preference: RawTerm }>
    }
  }
  readonly priority?: number
}

const placement = (spec: RawPlacement) => {
  const na = spec.affinity?.nodeAffinity
  const required = na?.requiredDuringSchedulingIgnoredDuringExecution
  const tolerations: ReadonlyArray<Toleration> = (spec.tolerations ?? []).map((t) => ({
    key: t.key ?? "",
    operator: t.operator === "Exists" ? "Exists" : "Equal",
    value: t.value ?? "",
    effect: (t.effect ?? "") as Toleration["effect"],
  }))
  const preferredTerms: ReadonlyArray<PreferredTerm> = (na?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((p) => ({
    weight: p.weight,
    preference: term(p.preference),
  }))
  return {
    nodeSelector: spec.nodeSelector ?? {},
    ...(required === undefined ? {} : { requiredTerms: required.nodeSelectorTerms.map(term) }),
    preferredTerms,
    tolerations,
    priority: spec.priority ?? 0,
  }
}

const keyOf = (m: { metadata?: { name?: string; namespace?: string } }): string =>
  `${m.metadata?.namespace ?? "default"}/${m.metadata?.name ?? "<unnamed>"}`

/**
 * Nodes from the text of a NodeList (or Node documents).
 *
 * @since 0.1.0
 * @category constructors
 */
export const nodesFromText = (text: string, file: string): ReadonlyArray<SchedulingNode> => {
  const manifests = decodeAll(text, file)
  const raws = rawDocuments(text)
  const topologies = numaTopologies(manifests.filter(isTopology), raws)
  return nodesFromManifests(manifests.filter((m) => !isTopology(m)), topologies)
}

/** A NodeResourceTopology (topology.node.k8s.io), which the manifest codecs keep as an unknown kind. */
const isTopology = (m: Manifest): boolean => m.kind === "Unknown" && m.declaredKind === "NodeResourceTopology"

/**
 * NUMA cells per node name from NodeResourceTopology objects (`topology.node.k8s.io/v1alpha2`, as the
 * NFD topology updater publishes them): each zone of type `Node` is a cell; its allocatable `cpu`
 * (whole CPUs), `memory` and the sum of its `hugepages-*` become the cell's capacity.
 *
 * @since 0.1.0
 * @category constructors
 */
export const numaTopologies = (manifests: ReadonlyArray<Manifest>, raws: ReadonlyArray<unknown>): ReadonlyMap<string, ReadonlyArray<NumaCell>> => {
  const out = new Map<string, ReadonlyArray<NumaCell>>()
  for (const m of manifests) {
    const raw = rawOf(raws, m) as { metadata?: { name?: unknown }; zones?: unknown }
    const name = raw.metadata?.name
    if (typeof name !== "string") throw new SchedulerInputError(where(m, "metadata.name"), "a NodeResourceTopology needs the name of its node")
    if (!Array.isArray(raw.zones)) throw new SchedulerInputError(where(m, "zones"), "expected a list of zones")
    const cells: NumaCell[] = []
    raw.zones.forEach((zone: { type?: unknown; resources?: unknown }, z) => {
      if (zone.type !== "Node") return // zones of other types (e.g. sockets) are not NUMA cells
      if (!Array.isArray(zone.resources)) throw new SchedulerInputError(where(m, `zones[${z}].resources`), "expected a list of resources")
      let cpus = 0
      let memoryBytes = 0
      let hugepagesBytes = 0
      zone.resources.forEach((r: { name?: unknown; allocatable?: unknown; capacity?: unknown }, i) => {
        const at = `zones[${z}].resources[${i}]`
        const given = r.allocatable ?? r.capacity
        const q = parseQuantity(typeof given === "number" ? given : String(given))
        if (typeof r.name !== "string" || E.isLeft(q)) throw new SchedulerInputError(where(m, at), `expected {name, allocatable: quantity}, got ${JSON.stringify(r)}`)
        if (r.name === "cpu") {
          const milli = Number(milliValue(q.right))
          if (milli % 1000 !== 0) throw new SchedulerInputError(where(m, `${at}.allocatable`), "NUMA cells hold whole CPUs")
          cpus = milli / 1000
        } else if (r.name === "memory") memoryBytes = Number(value(q.right))
        else if (r.name.startsWith("hugepages-")) hugepagesBytes += Number(value(q.right))
      })
      cells.push({ cpus, memoryBytes, hugepagesBytes })
    })
    if (out.has(name)) throw new SchedulerInputError(where(m, "metadata.name"), `a second NodeResourceTopology for node ${name}`)
    out.set(name, cells)
  }
  return out
}

/**
 * Nodes from decoded Node manifests, with NUMA cells from the annotation or from
 * NodeResourceTopology objects (`topologies`, by node name). Any other kind is an error: a
 * nodes file holds nodes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const nodesFromManifests = (
  manifests: ReadonlyArray<Manifest>,
  topologies: ReadonlyMap<string, ReadonlyArray<NumaCell>> = new Map(),
): ReadonlyArray<SchedulingNode> => {
  const out: SchedulingNode[] = []
  for (const m of manifests) {
    if (m.kind !== "Node") throw new SchedulerInputError(where(m, "kind"), `expected Node, got ${m.kind === "Unknown" ? m.declaredKind : m.kind}`)
    const name = m.metadata?.name
    if (name === undefined) throw new SchedulerInputError(where(m, "metadata.name"), "a node needs a name")
    const allocatable = amounts(m.status?.allocatable ?? m.status?.capacity)
    const taints: ReadonlyArray<Taint> = (m.spec?.taints ?? []).map((t) => ({ key: t.key, value: t.value ?? "", effect: t.effect }))
    const cellsText = m.metadata?.annotations?.[NUMA_CELLS_ANNOTATION]
    const fromTopology = topologies.get(name)
    if (cellsText !== undefined && fromTopology !== undefined) {
      throw new SchedulerInputError(where(m, `metadata.annotations["${NUMA_CELLS_ANNOTATION}"]`), `NUMA cells given twice: by this annotation and by a NodeResourceTopology`)
    }
    const cells = cellsText === undefined ? fromTopology : numaCells(cellsText, where(m, `metadata.annotations["${NUMA_CELLS_ANNOTATION}"]`))
    out.push({
      name,
      allocatable,
      labels: m.metadata?.labels ?? {},
      taints,
      unschedulable: m.spec?.unschedulable ?? false,
      ...(cells === undefined ? {} : { numaCells: cells }),
    })
  }
  const names = new Set(out.map((n) => n.name))
  for (const node of topologies.keys()) {
    if (!names.has(node)) throw new SchedulerInputError("", `a NodeResourceTopology describes node ${node}, which is not among the nodes`)
  }
  return out
}

const numaCells = (text: string, at: string): ReadonlyArray<NumaCell> => {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new SchedulerInputError(at, "expected a JSON array of {cpus, memory, hugepages}")
  }
  if (!Array.isArray(raw)) throw new SchedulerInputError(at, "expected a JSON array")
  return raw.map((c: { cpus?: unknown; memory?: unknown; hugepages?: unknown }, i): NumaCell => {
    const q = (v: unknown, field: string): number => {
      if (v === undefined) return 0
      const r = parseQuantity(String(v))
      if (E.isLeft(r)) throw new SchedulerInputError(`${at}[${i}].${field}`, `not a quantity: ${JSON.stringify(v)}`)
      return Number(value(r.right))
    }
    if (typeof c.cpus !== "number" || !Number.isInteger(c.cpus) || c.cpus < 0) {
      throw new SchedulerInputError(`${at}[${i}].cpus`, "expected a whole number of CPUs")
    }
    return { cpus: c.cpus, memoryBytes: q(c.memory, "memory"), hugepagesBytes: q(c.hugepages, "hugepages") }
  })
}

/** The manifest a scheduled pod was made from, and which replica of a controller it is. @since 0.1.0 @category model */
export interface WorkloadOrigin {
  readonly manifest: Manifest
  readonly replica?: number
}

/** What a pods file holds: pods to schedule in order, and pods already bound (spec.nodeName). @since 0.1.0 @category model */
export interface Workload {
  readonly pending: ReadonlyArray<SchedulingPod>
  readonly bound: ReadonlyArray<Binding>
  /** Documents read but not scheduled (e.g. a halted VirtualMachine), with why. */
  readonly skipped: ReadonlyArray<{ readonly key: string; readonly reason: string }>
  /** Each pod of `pending` and `bound` (by identity) with the manifest it came from. */
  readonly origins?: ReadonlyMap<SchedulingPod, WorkloadOrigin>
}

// The plain documents, for the VMI reader (which takes quantities as written).
const rawDocuments = (text: string): ReadonlyArray<unknown> => {
  const docs = parseAllDocuments(text)
  return Array.isArray(docs) ? docs.map((d) => d.toJS()) : []
}

const rawOf = (raws: ReadonlyArray<unknown>, m: Manifest): unknown => {
  const doc = raws[m.source.document] as { items?: ReadonlyArray<unknown> } | undefined
  return m.source.item === undefined ? doc : doc?.items?.[m.source.item]
}

const RUNNING = new Set(["Always", "RerunOnFailure", "Once"])

const podFromManifest = (m: Extract<Manifest, { kind: "Pod" }>): SchedulingPod => {
  const spec = m.spec
  // the API server defaults a missing request to its limit
  const requestsOf = (c: { resources?: { requests?: Record<string, Quantity>; limits?: Record<string, Quantity> } }) => ({
    ...amounts(c.resources?.limits),
    ...amounts(c.resources?.requests),
  })
  const containers: ReadonlyArray<ContainerRequests> = spec.containers.map((c) => ({ name: c.name, requests: requestsOf(c) }))
  const initContainers = (spec.initContainers ?? []).map((c) => ({
    name: c.name,
    requests: requestsOf(c),
    restartable: c.restartPolicy === "Always",
  }))
  // pod-level requests default to pod-level limits, like container ones
  const level = spec.resources === undefined ? undefined : { ...amounts(spec.resources.limits), ...amounts(spec.resources.requests) }
  return {
    key: keyOf(m),
    containers,
    initContainers,
    overhead: amounts(spec.overhead),
    ...(level === undefined || Object.keys(level).length === 0 ? {} : { podLevelRequests: level }),
    ...(spec.nodeName === undefined ? {} : { nodeName: spec.nodeName }),
    ...(spec.preemptionPolicy === "Never" ? { neverPreempts: true } : {}),
    ...placement(spec as RawPlacement),
    requiredFeatures: [],
    requiresKvm: false,
  }
}

const launcherFromRaw = (raw: unknown, m: Manifest, file: string): SchedulingPod => {
  const r = decodeVmiSpec(raw, file)
  if (E.isLeft(r)) throw new SchedulerInputError(where(m, r.left.path), r.left.problem)
  const vmi = r.right
  const launcher = virtLauncherPod(vmi)
  const requests: Record<string, number> = {}
  for (const [k, v] of Object.entries(launcher.requests)) requests[k] = Number(v)
  const doc = raw as { kind: string; metadata?: { name?: string; namespace?: string }; spec?: { template?: { spec?: unknown } } & Record<string, unknown> }
  const spec = (doc.kind === "VirtualMachine" ? doc.spec?.template?.spec : doc.spec) as
    | (RawPlacement & { domain?: { cpu?: { features?: ReadonlyArray<{ name: string; policy?: string }> } }; priorityClassName?: string })
    | undefined
  const features = (spec?.domain?.cpu?.features ?? []).filter((f) => (f.policy ?? "require") === "require").map((f) => f.name)
  const base = placement(spec ?? {})
  const guest = Number(vmi.memoryGuest ?? vmi.requests["memory"] ?? 0n)
  return {
    key: keyOf(doc),
    containers: [{ name: "compute", requests }],
    initContainers: [],
    overhead: {},
    ...base,
    nodeSelector: { ...base.nodeSelector, "kubevirt.io/schedulable": "true" },
    requiredFeatures: features,
    requiresKvm: requests[KVM_DEVICE] !== undefined,
    ...(launcher.dedicatedCpus
      ? // the isolated emulator thread's core is pinned too, so count the whole cpu request
        { numa: { vcpus: Math.ceil((requests["cpu"] ?? 1000 * launcher.vcpus) / 1000), memoryBytes: guest, hugepages: vmi.hugepagesPageSize !== undefined } }
      : {}),
  }
}

/** Priority classes every cluster has (Kubernetes' built-ins). @since 0.1.0 @category constants */
export const SYSTEM_PRIORITY_CLASSES: ReadonlyMap<string, number> = new Map([
  ["system-cluster-critical", 2_000_000_000],
  ["system-node-critical", 2_000_001_000],
])

/** Priority classes known to a workload: by name, and the global default if one is marked. @since 0.1.0 @category model */
export interface PriorityClasses {
  readonly byName: ReadonlyMap<string, number>
  readonly globalDefault?: number
}

/**
 * The PriorityClass objects among `manifests`, with the built-in system classes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const priorityClassesOf = (manifests: ReadonlyArray<Manifest>, base: PriorityClasses = { byName: SYSTEM_PRIORITY_CLASSES }): PriorityClasses => {
  const byName = new Map(base.byName)
  let globalDefault = base.globalDefault
  for (const m of manifests) {
    if (m.kind !== "PriorityClass") continue
    const name = m.metadata?.name
    if (name === undefined) throw new SchedulerInputError(where(m, "metadata.name"), "a PriorityClass needs a name")
    byName.set(name, m.value)
    if (m.globalDefault === true) globalDefault = m.value
  }
  return globalDefault === undefined ? { byName } : { byName, globalDefault }
}

/**
 * A pod's priority as the Priority admission plugin sets it: `spec.priority` if given, else its
 * class's value, else the global default class's value, else 0. An unknown class is rejected, as
 * admission rejects the pod.
 */
const resolvePriority = (
  spec: { readonly priority?: number; readonly priorityClassName?: string } | undefined,
  classes: PriorityClasses,
  at: string,
): number => {
  if (spec?.priority !== undefined) return spec.priority
  const name = spec?.priorityClassName
  if (name === undefined || name === "") return classes.globalDefault ?? 0
  const value = classes.byName.get(name)
  if (value === undefined) throw new SchedulerInputError(at, `no PriorityClass with name ${name} was found`)
  return value
}

/** Pod-producing controllers whose template the scheduler sees once per replica. */
const CONTROLLERS = new Set(["Deployment", "ReplicaSet", "StatefulSet", "Job"])

/** Options of {@link workloadFromText}. @since 0.1.0 @category model */
export interface WorkloadOptions {
  /** Schedule VirtualMachines whose runStrategy is not running as if started. */
  readonly startVms?: boolean
  /** Priority classes defined elsewhere (e.g. in the nodes file); the text's own are added. */
  readonly priorityClasses?: PriorityClasses
}

/**
 * The workload in a pods file: Pods (those with `spec.nodeName` already bound), the pods of
 * Deployments, ReplicaSets, StatefulSets and Jobs (one per replica, named `<name>-<i>`, as
 * their controllers would create them), VMIs and VMs (as virt-launcher pods; a VM whose
 * runStrategy is not running is skipped unless `startVms`), and the replicas of
 * VirtualMachineInstanceReplicaSets and VirtualMachinePools (`<name>-<i>`, one launcher pod each). Priorities are resolved from
 * PriorityClass objects as admission does. Every other document is listed in `skipped`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const workloadFromText = (text: string, file: string, options: WorkloadOptions = {}): Workload => {
  const manifests = decodeAll(text, file)
  return workloadFromDecoded(manifests, rawDocuments(text), file, options, resolveOwnership(manifests))
}

/**
 * {@link workloadFromText} on already decoded manifests and their raw documents. What a live
 * dump shows twice (`ownership`) is counted once; terminated Pods and VMIs hold nothing; a VMI
 * (or running VM) is bound where its status or launcher pod says it runs.
 */
const workloadFromDecoded = (manifests: ReadonlyArray<Manifest>, raws: ReadonlyArray<unknown>, file: string, options: WorkloadOptions, ownership: Ownership): Workload => {
  const classes = priorityClassesOf(manifests, options.priorityClasses ?? { byName: SYSTEM_PRIORITY_CLASSES })
  const pending: SchedulingPod[] = []
  const bound: Binding[] = []
  const skipped: Array<{ key: string; reason: string }> = []
  const origins = new Map<SchedulingPod, WorkloadOrigin>()
  const addPod = (m: Extract<Manifest, { kind: "Pod" }>, at: Manifest, path: string, replica?: number) => {
    const p = { ...podFromManifest(m), priority: resolvePriority(m.spec, classes, where(at, path)) }
    origins.set(p, replica === undefined ? { manifest: at } : { manifest: at, replica })
    if (p.nodeName !== undefined) bound.push({ pod: p, node: p.nodeName })
    else pending.push(p)
  }
  const addLauncher = (m: Manifest) => {
    const raw = rawOf(raws, m) as { kind?: string; spec?: { priority?: number; priorityClassName?: string; template?: { spec?: { priority?: number; priorityClassName?: string } } } }
    const spec = raw.kind === "VirtualMachine" ? raw.spec?.template?.spec : raw.spec
    const launcher = launcherFromRaw(raw, m, file)
    const node = ownership.vmiNode(m.metadata?.namespace ?? "default", m.metadata?.name ?? "")
    const p = {
      ...launcher,
      priority: resolvePriority(spec, classes, where(m, raw.kind === "VirtualMachine" ? "spec.template.spec.priorityClassName" : "spec.priorityClassName")),
      ...(node === undefined ? {} : { nodeName: node }),
    }
    origins.set(p, { manifest: m })
    if (node !== undefined) bound.push({ pod: p, node })
    else pending.push(p)
  }
  // A VMI replica set's (or a running VM pool's) replicas: one launcher pod each, `<name>-<i>`.
  const addReplicaLaunchers = (m: Extract<Manifest, { kind: "VirtualMachineInstanceReplicaSet" | "VirtualMachinePool" }>) => {
    type Template = { metadata?: Record<string, unknown>; spec?: { priority?: number; priorityClassName?: string } }
    const raw = rawOf(raws, m) as { metadata?: { name?: string; namespace?: string }; spec?: { template?: Template; virtualMachineTemplate?: { spec?: { running?: boolean; runStrategy?: string; template?: Template } } } }
    const pool = m.kind === "VirtualMachinePool"
    const vm = raw.spec?.virtualMachineTemplate?.spec
    if (pool && !(vm?.running === true || RUNNING.has(vm?.runStrategy ?? "")) && options.startVms !== true) {
      skipped.push({ key: keyOf(raw), reason: `VirtualMachinePool's VMs are not running (runStrategy ${vm?.runStrategy ?? "unset"}): no VMI to schedule` })
      return
    }
    const template = pool ? vm?.template : raw.spec?.template
    const at = pool ? "spec.virtualMachineTemplate.spec.template.spec" : "spec.template.spec"
    const launcher = launcherFromRaw({ kind: "VirtualMachineInstance", metadata: { ...template?.metadata, name: raw.metadata?.name, namespace: raw.metadata?.namespace }, spec: template?.spec }, m, file)
    const priority = resolvePriority(template?.spec, classes, where(m, `${at}.priorityClassName`))
    for (let i = 0; i < (m.spec.replicas ?? 1); i++) {
      const p = { ...launcher, key: `${launcher.key}-${i}`, priority }
      origins.set(p, { manifest: m, replica: i })
      pending.push(p)
    }
  }
  for (const m of manifests) {
    const represented = ownership.represented.get(m)
    const terminal = m.kind === "Pod" || m.kind === "VirtualMachineInstance" ? terminalPhaseOf(m) : undefined
    // kube-scheduler's informer drops Succeeded/Failed pods: they hold nothing on their node
    if (represented !== undefined || terminal !== undefined) {
      skipped.push({ key: keyOf(m as { metadata?: { name?: string; namespace?: string } }), reason: represented ?? `terminated (phase ${terminal}): holds no resources` })
    } else if (m.kind === "Pod") addPod(m, m, "spec.priorityClassName")
    else if (CONTROLLERS.has(m.kind)) {
      const template = podTemplateOf(m)
      const meta = (m as { metadata?: { name?: string; namespace?: string } }).metadata
      if (template === undefined) continue
      for (let i = 0; i < template.replicas; i++) {
        const pod = { ...m, kind: "Pod", metadata: { ...meta, name: `${meta?.name ?? "<unnamed>"}-${i}` }, spec: template.spec } as unknown as Extract<Manifest, { kind: "Pod" }>
        addPod(pod, m, "spec.template.spec.priorityClassName", i)
      }
    } else if (m.kind === "VirtualMachineInstance") addLauncher(m)
    else if (m.kind === "VirtualMachine") {
      const spec = (rawOf(raws, m) as { spec?: { running?: boolean; runStrategy?: string } }).spec
      const running = spec?.running === true || RUNNING.has(spec?.runStrategy ?? "")
      if (running || options.startVms === true) addLauncher(m)
      else skipped.push({ key: keyOf(m), reason: `VirtualMachine is not running (runStrategy ${spec?.runStrategy ?? "unset"}): no VMI to schedule` })
    } else if (m.kind === "VirtualMachineInstanceReplicaSet" || m.kind === "VirtualMachinePool") addReplicaLaunchers(m)
    else {
      const kind = m.kind === "Unknown" ? m.declaredKind : m.kind
      skipped.push({ key: keyOf(m as { metadata?: { name?: string; namespace?: string } }), reason: `${kind} is not scheduled directly` })
    }
  }
  return { pending, bound, skipped, origins }
}

/** A cluster snapshot's inputs read from model files that mix nodes and workloads. @since 0.1.0 @category model */
export interface ModelInput {
  readonly nodes: ReadonlyArray<SchedulingNode>
  readonly workload: Workload
}

/**
 * Nodes (with NodeResourceTopology NUMA cells) and the workload from files that may mix
 * everything, as the main job reads a model: priority classes apply across files.
 *
 * @since 0.1.0
 * @category constructors
 */
export const modelFromFiles = (files: ReadonlyArray<{ readonly file: string; readonly text: string }>, options: WorkloadOptions = {}): ModelInput =>
  modelFromDecoded(files.map((f) => ({ file: f.file, manifests: decodeAll(f.text, f.file), raws: rawDocuments(f.text) })), options)

/**
 * {@link modelFromFiles} on files already decoded: each file's manifests and its documents as
 * plain data (`raws[i]` is document `i`), so a caller that has parsed the YAML does not parse it
 * again.
 *
 * @since 0.1.0
 * @category constructors
 */
export const modelFromDecoded = (
  decoded: ReadonlyArray<{ readonly file: string; readonly manifests: ReadonlyArray<Manifest>; readonly raws: ReadonlyArray<unknown> }>,
  options: WorkloadOptions = {},
): ModelInput => {
  const isNodeSide = (m: Manifest) => m.kind === "Node" || isTopology(m)
  const topologies = new Map<string, ReadonlyArray<NumaCell>>()
  for (const d of decoded) for (const [k, v] of numaTopologies(d.manifests.filter(isTopology), d.raws)) topologies.set(k, v)
  const nodes = nodesFromManifests(decoded.flatMap((d) => d.manifests.filter((m) => m.kind === "Node")), topologies)
  const priorityClasses = priorityClassesOf(decoded.flatMap((d) => d.manifests), options.priorityClasses)
  const ownership = resolveOwnership(decoded.flatMap((d) => d.manifests))
  const parts = decoded.map((d) => workloadFromDecoded(d.manifests.filter((m) => !isNodeSide(m)), d.raws, d.file, { ...options, priorityClasses }, ownership))
  return {
    nodes,
    workload: {
      pending: parts.flatMap((w) => w.pending),
      bound: parts.flatMap((w) => w.bound),
      skipped: parts.flatMap((w) => w.skipped),
      origins: new Map(parts.flatMap((w) => [...(w.origins ?? [])])),
    },
  }
}
