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
import { showManifestError } from "../../domain/manifest/ManifestError.ts"
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
  const out: SchedulingNode[] = []
  for (const m of decodeAll(text, file)) {
    if (m.kind !== "Node") throw new SchedulerInputError(where(m, "kind"), `expected Node, got ${m.kind === "Unknown" ? m.declaredKind : m.kind}`)
    const name = m.metadata?.name
    if (name === undefined) throw new SchedulerInputError(where(m, "metadata.name"), "a node needs a name")
    const allocatable = amounts(m.status?.allocatable ?? m.status?.capacity)
    const taints: ReadonlyArray<Taint> = (m.spec?.taints ?? []).map((t) => ({ key: t.key, value: t.value ?? "", effect: t.effect }))
    const cellsText = m.metadata?.annotations?.[NUMA_CELLS_ANNOTATION]
    out.push({
      name,
      allocatable,
      labels: m.metadata?.labels ?? {},
      taints,
      unschedulable: m.spec?.unschedulable ?? false,
      ...(cellsText === undefined ? {} : { numaCells: numaCells(cellsText, where(m, `metadata.annotations["${NUMA_CELLS_ANNOTATION}"]`)) }),
    })
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

/** What a pods file holds: pods to schedule in order, and pods already bound (spec.nodeName). @since 0.1.0 @category model */
export interface Workload {
  readonly pending: ReadonlyArray<SchedulingPod>
  readonly bound: ReadonlyArray<Binding>
  /** Documents read but not scheduled (e.g. a halted VirtualMachine), with why. */
  readonly skipped: ReadonlyArray<{ readonly key: string; readonly reason: string }>
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

/**
 * The workload in a pods file: Pods (those with `spec.nodeName` already bound), VMIs and VMs
 * (as virt-launcher pods; a VM whose runStrategy is not running is skipped unless `startVms`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const workloadFromText = (text: string, file: string, options: { readonly startVms?: boolean } = {}): Workload => {
  const manifests = decodeAll(text, file)
  const raws = rawDocuments(text)
  const pending: SchedulingPod[] = []
  const bound: Binding[] = []
  const skipped: Array<{ key: string; reason: string }> = []
  for (const m of manifests) {
    if (m.kind === "Pod") {
      const p = podFromManifest(m)
      if (p.nodeName !== undefined) bound.push({ pod: p, node: p.nodeName })
      else pending.push(p)
    } else if (m.kind === "VirtualMachineInstance") pending.push(launcherFromRaw(rawOf(raws, m), m, file))
    else if (m.kind === "VirtualMachine") {
      const spec = (rawOf(raws, m) as { spec?: { running?: boolean; runStrategy?: string } }).spec
      const running = spec?.running === true || RUNNING.has(spec?.runStrategy ?? "")
      if (running || options.startVms === true) pending.push(launcherFromRaw(rawOf(raws, m), m, file))
      else skipped.push({ key: keyOf(m), reason: `VirtualMachine is not running (runStrategy ${spec?.runStrategy ?? "unset"}): no VMI to schedule` })
    } else {
      const kind = m.kind === "Unknown" ? m.declaredKind : m.kind
      skipped.push({ key: keyOf(m as { metadata?: { name?: string; namespace?: string } }), reason: `${kind} is not scheduled directly` })
    }
  }
  return { pending, bound, skipped }
}
