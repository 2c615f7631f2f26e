/**
 * ResourceQuota headroom per namespace, and which objects admission would reject. The input is
 * taken as created in order (each controller's pods right after it, a VMI's virt-launcher pod
 * right after the VMI): every create is charged to the quotas of its namespace whose scopes
 * match it, as Kubernetes v1.35's ResourceQuota admission does, through the quota model of
 * `src/domain/quota` (`admit`). A pod's usage is the pod evaluator's: `pods`, `count/pods`,
 * `cpu` = `requests.cpu`, `limits.cpu`, the same for memory and ephemeral-storage, hugepages,
 * and extended resources as `requests.<name>`; a quota on cpu or memory (requests or limits)
 * requires every container and init container to state it ("must specify …"). Object counts
 * (`count/<resource>.<group>`, `services`, `persistentvolumeclaims`, …) and `requests.storage`
 * of PVCs are charged too; what a quota counts that the input cannot show is listed as not
 * computed. `status.used`, when the quota has one, is shown next to the computed use.
 *
 * A VMI's launcher pod gets KubeVirt's automatic limits (AutoResourceLimits) when a quota of its
 * namespace limits memory (2 × the memory request, or the namespace label
 * `alpha.kubevirt.io/auto-memory-limits-ratio`) or cpu (one cpu per vCPU), unless the VMI sets
 * them or asks for dedicated CPUs.
 *
 * @since 0.1.0
 */
import * as E from "fp-ts/lib/Either.js"
import { decodeVmiSpec } from "../domain/kubevirt/VmiSpec.ts"
import { virtLauncherPod } from "../domain/kubevirt/virtLauncherPod.ts"
import type { PodSpec } from "../domain/manifest/codecs/pod.ts"
import type { Manifest } from "../domain/manifest/Manifest.ts"
import { canonical } from "../domain/quantity/canonical.ts"
import { milliValue, value } from "../domain/quantity/decimal.ts"
import { fromNanos, type Quantity } from "../domain/quantity/Quantity.ts"
import { admit, type Amounts, type QuotaState } from "../domain/quota/Admission.ts"
import { podLimits, podRequests } from "../domain/resources/PodRequests.ts"
import { qosClass } from "../domain/resources/QosClass.ts"
import { containerLimits, containerRequests } from "../domain/resources/ResourceRequirements.ts"
import type { ResourceVector } from "../domain/resources/ResourceVector.ts"
import type { Inventory, Unit } from "./Inventory.ts"
import { OperationsError } from "./OperationsError.ts"

/** One resource of a quota. @since 0.1.0 @category model */
export interface QuotaLine {
  readonly resource: string
  readonly hard: string
  /** Charged by the admitted objects of the input. */
  readonly used: string
  /** hard − used, 0 when over. */
  readonly headroom: string
  /** `status.used` of the quota object, when it has one. */
  readonly statusUsed?: string
  /** used / hard, in percent (rounded down). */
  readonly percent: number
}

/** A ResourceQuota's state. @since 0.1.0 @category model */
export interface QuotaReport {
  readonly namespace: string
  readonly name: string
  readonly scopes: ReadonlyArray<string>
  readonly lines: ReadonlyArray<QuotaLine>
  /** Hard limits on what the input cannot show (e.g. `count/configmaps` with no ConfigMap read, `requests.nvidia.com/gpu` is computed; `count/widgets.example.com` is not). */
  readonly notComputed: ReadonlyArray<string>
}

/** An object admission refuses. @since 0.1.0 @category model */
export interface QuotaRejection {
  readonly kind: string
  readonly name: string
  readonly namespace: string
  /** The controller or VMI that would create it, when it is not created directly. */
  readonly createdBy?: string
  readonly quota: string
  /** As the API server says it: `pods "x" is forbidden: exceeded quota: q, requested: …, used: …, limited: …`. */
  readonly message: string
}

/** The answer. @since 0.1.0 @category model */
export interface QuotaHeadroom {
  readonly quotas: ReadonlyArray<QuotaReport>
  readonly rejected: ReadonlyArray<QuotaRejection>
  /** Namespaces with workloads and no ResourceQuota. */
  readonly unlimited: ReadonlyArray<string>
}

/** Resources the pod evaluator charges (besides prefixed and extended ones). */
const POD_RESOURCES = new Set([
  "count/pods",
  "pods",
  "cpu",
  "memory",
  "ephemeral-storage",
  "requests.cpu",
  "requests.memory",
  "requests.ephemeral-storage",
  "limits.cpu",
  "limits.memory",
  "limits.ephemeral-storage",
])
/** Quota on these makes every container state them (kept for compatibility by Kubernetes). */
const VALIDATION = ["cpu", "limits.cpu", "limits.memory", "memory", "requests.cpu", "requests.memory"]

const isCpu = (resource: string): boolean => resource === "cpu" || resource.endsWith(".cpu")
const isNative = (name: string): boolean => !name.includes("/") || name.startsWith("kubernetes.io/")

/** The quota names a pod's requests and limits charge (Kubernetes' podComputeUsageHelper). */
const computeUsage = (requests: ResourceVector, limits: ResourceVector): Map<string, bigint> => {
  const out = new Map<string, bigint>([["pods", 1n]])
  for (const r of ["cpu", "memory", "ephemeral-storage"]) {
    const req = requests.get(r)
    if (req !== undefined) {
      out.set(r, req)
      out.set(`requests.${r}`, req)
    }
    const lim = limits.get(r)
    if (lim !== undefined) out.set(`limits.${r}`, lim)
  }
  for (const [name, amount] of requests) {
    if (name.startsWith("hugepages-")) {
      out.set(name, amount)
      out.set(`requests.${name}`, amount)
    } else if (!isNative(name)) out.set(`requests.${name}`, amount)
  }
  return out
}

const quantityOf = (resource: string, q: Quantity): bigint => (isCpu(resource) ? milliValue(q) : value(q))

/** A byte count as a person reads it: exact binary units when they are exact, else the bytes and about how many Mi. */
const bytes = (amount: bigint): string =>
  amount % 1024n === 0n ? canonical(fromNanos(amount * 1_000_000_000n, "BinarySI")) : `${amount} (≈${(Number(amount) / 2 ** 20).toFixed(1)}Mi)`

const show = (resource: string, amount: bigint): string =>
  isCpu(resource) ? canonical(fromNanos(amount * 1_000_000n, "DecimalSI")) : /memory|storage|hugepages/.test(resource) ? bytes(amount) : amount.toString()

/** Plain data again (quantities as text), for readers of raw manifests. */
const plain = (u: unknown): unknown => {
  if (Array.isArray(u)) return u.map(plain)
  if (typeof u !== "object" || u === null) return u
  const q = u as { nanos?: unknown; format?: unknown }
  if (typeof q.nanos === "bigint" && typeof q.format === "string") return canonical(u as Quantity)
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(u)) if (k !== "source" && k !== "unknownFields") out[k] = plain(v)
  return out
}

/**
 * A VMI or VM as plain data for the VMI reader; a VirtualMachineInstanceReplicaSet's or a
 * VirtualMachinePool's template as the VMI it stamps out.
 */
const vmiDocument = (m: Manifest): unknown => {
  if (m.kind !== "VirtualMachineInstanceReplicaSet" && m.kind !== "VirtualMachinePool") return plain(m)
  const raw = plain(m) as { metadata?: Record<string, unknown>; spec?: { template?: { metadata?: Record<string, unknown>; spec?: unknown }; virtualMachineTemplate?: { spec?: { template?: { metadata?: Record<string, unknown>; spec?: unknown } } } } }
  const template = m.kind === "VirtualMachinePool" ? raw.spec?.virtualMachineTemplate?.spec?.template : raw.spec?.template
  return { kind: "VirtualMachineInstance", metadata: { ...template?.metadata, name: raw.metadata?.["name"], namespace: raw.metadata?.["namespace"] }, spec: template?.spec }
}

/** A resource quota object count name per kind (legacy names first, as quota accepts both). */
const COUNTED: Readonly<Record<string, ReadonlyArray<string>>> = {
  Service: ["services", "count/services"],
  PersistentVolumeClaim: ["persistentvolumeclaims", "count/persistentvolumeclaims"],
  ResourceQuota: ["resourcequotas", "count/resourcequotas"],
  ConfigMap: ["configmaps", "count/configmaps"],
  Secret: ["secrets", "count/secrets"],
  ReplicationController: ["replicationcontrollers", "count/replicationcontrollers"],
  Deployment: ["count/deployments.apps"],
  ReplicaSet: ["count/replicasets.apps"],
  StatefulSet: ["count/statefulsets.apps"],
  DaemonSet: ["count/daemonsets.apps"],
  Job: ["count/jobs.batch"],
  CronJob: ["count/cronjobs.batch"],
  HorizontalPodAutoscaler: ["count/horizontalpodautoscalers.autoscaling"],
  VirtualMachine: ["count/virtualmachines.kubevirt.io"],
  VirtualMachineInstance: ["count/virtualmachineinstances.kubevirt.io"],
  VirtualMachineInstanceReplicaSet: ["count/virtualmachineinstancereplicasets.kubevirt.io"],
  VirtualMachinePool: ["count/virtualmachinepools.pool.kubevirt.io"],
}

interface Quota {
  readonly namespace: string
  readonly name: string
  readonly hard: Amounts
  readonly statusUsed?: Amounts
  readonly scopes: ReadonlyArray<string>
  readonly scopeSelector: ReadonlyArray<{ readonly scopeName: string; readonly operator: string; readonly values: ReadonlyArray<string> }>
  state: QuotaState
}

/** What a create charges, and what the scope matchers need. */
interface Charge {
  readonly kind: string
  readonly name: string
  readonly namespace: string
  readonly createdBy?: string
  readonly usage: ReadonlyMap<string, bigint>
  /** Resources of the validation set each container must state, by container. */
  readonly containers?: ReadonlyArray<{ readonly name: string; readonly states: ReadonlySet<string> }>
  readonly pod?: { readonly bestEffort: boolean; readonly terminating: boolean; readonly priorityClassName?: string }
}

const podCharge = (u: Unit, spec: PodSpec, createdBy: string | undefined): Charge => {
  const usage = computeUsage(podRequests(spec), podLimits(spec))
  usage.set("count/pods", 1n)
  const containers = [...spec.containers, ...(spec.initContainers ?? [])].map((c) => ({
    name: c.name,
    states: new Set(computeUsage(containerRequests(c), containerLimits(c)).keys()),
  }))
  return {
    kind: "Pod",
    name: u.name,
    namespace: u.namespace,
    ...(createdBy === undefined ? {} : { createdBy }),
    usage,
    containers,
    pod: {
      bestEffort: qosClass(spec) === "BestEffort",
      terminating: (spec.activeDeadlineSeconds ?? -1) >= 0,
      ...(spec.priorityClassName === undefined ? {} : { priorityClassName: spec.priorityClassName }),
    },
  }
}

const launcherCharge = (u: Unit, quotas: ReadonlyArray<Quota>, ratio: number): Charge => {
  const m = u.manifest
  const decoded = decodeVmiSpec(vmiDocument(m), m.source.file)
  if (E.isLeft(decoded)) throw new OperationsError(`${m.source.file}: ${u.kind} ${u.namespace}/${u.name}: ${decoded.left.message}`)
  const launcher = virtLauncherPod(decoded.right)
  const requests = new Map(Object.entries(launcher.requests))
  const limits = new Map(Object.entries(launcher.limits))
  // KubeVirt's automatic limits when the namespace's quota needs them
  const limited = (r: string) => quotas.some((q) => q.hard[r] !== undefined)
  if (!launcher.dedicatedCpus) {
    const memory = requests.get("memory")
    if (limited("limits.memory") && limits.get("memory") === undefined && memory !== undefined) limits.set("memory", BigInt(Math.ceil(Number(memory) * ratio)))
    if (limited("limits.cpu") && limits.get("cpu") === undefined) limits.set("cpu", BigInt(launcher.vcpus) * 1000n)
  }
  const usage = computeUsage(requests, limits)
  usage.set("count/pods", 1n)
  const spec = (vmiDocument(m) as { spec?: { priorityClassName?: string; template?: { spec?: { priorityClassName?: string } } } }).spec
  const priorityClassName = m.kind === "VirtualMachine" ? spec?.template?.spec?.priorityClassName : spec?.priorityClassName
  return {
    kind: "Pod",
    name: `virt-launcher-${u.name}`,
    namespace: u.namespace,
    createdBy: `VirtualMachineInstance ${u.name}`,
    usage,
    containers: [{ name: "compute", states: new Set(usage.keys()) }],
    pod: { bestEffort: false, terminating: false, ...(priorityClassName === undefined ? {} : { priorityClassName }) },
  }
}

const scopeMatches = (q: Quota, c: Charge): boolean => {
  const pod = c.pod
  const one = (scope: string, operator = "Exists", values: ReadonlyArray<string> = []): boolean => {
    if (pod === undefined) return false // scoped quotas track pods only
    switch (scope) {
      case "Terminating":
        return pod.terminating
      case "NotTerminating":
        return !pod.terminating
      case "BestEffort":
        return pod.bestEffort
      case "NotBestEffort":
        return !pod.bestEffort
      case "PriorityClass": {
        const cls = pod.priorityClassName
        if (operator === "Exists") return cls !== undefined && cls !== ""
        if (operator === "DoesNotExist") return cls === undefined || cls === ""
        if (operator === "In") return cls !== undefined && values.includes(cls)
        if (operator === "NotIn") return cls === undefined || !values.includes(cls)
        return false
      }
      default:
        return false // CrossNamespacePodAffinity, VolumeAttributesClass: not modelled
    }
  }
  return q.scopes.every((s) => one(s)) && q.scopeSelector.every((s) => one(s.scopeName, s.operator, s.values))
}

const amounts = (list: Readonly<Record<string, Quantity>> | undefined): Amounts =>
  Object.fromEntries(Object.entries(list ?? {}).map(([k, q]) => [k, quantityOf(k, q)]))

/** Whether a quota resource is one a pod charges. */
const podResource = (r: string): boolean =>
  POD_RESOURCES.has(r) || r.startsWith("hugepages-") || r.startsWith("requests.hugepages-") || (r.startsWith("requests.") && !isNative(r.slice("requests.".length)))

const prettyList = (resources: ReadonlyArray<string>, of: (r: string) => bigint): string => resources.map((r) => `${r}=${show(r, of(r))}`).join(",")

/**
 * Quota headroom and admission rejections for the inventory's workload and the other objects
 * of the input.
 *
 * @since 0.1.0
 * @category operations
 */
export const quotaHeadroom = (inv: Inventory, manifests: ReadonlyArray<Manifest>): QuotaHeadroom => {
  const quotas: Quota[] = manifests.flatMap((m): Quota[] => {
    if (m.kind !== "ResourceQuota") return []
    const scopeSelector = ((m.spec?.scopeSelector as { matchExpressions?: ReadonlyArray<{ scopeName?: string; operator?: string; values?: ReadonlyArray<string> }> } | undefined)?.matchExpressions ?? []).map(
      (e) => ({ scopeName: e.scopeName ?? "", operator: e.operator ?? "Exists", values: e.values ?? [] }),
    )
    const hard = amounts(m.spec?.hard)
    const status = m.status?.used === undefined ? undefined : amounts(m.status.used)
    return [
      {
        namespace: m.metadata?.namespace ?? "default",
        name: m.metadata?.name ?? "<unnamed>",
        hard,
        ...(status === undefined ? {} : { statusUsed: status }),
        scopes: m.spec?.scopes ?? [],
        scopeSelector,
        state: { hard, used: {} },
      },
    ]
  })
  const ratios = new Map(
    manifests.flatMap((m) => {
      if (m.kind !== "Unknown" || m.declaredKind !== "Namespace") return []
      const label = m.metadata?.labels?.["alpha.kubevirt.io/auto-memory-limits-ratio"]
      const r = label === undefined ? NaN : Number(label)
      return Number.isFinite(r) && r >= 1 ? [[m.metadata?.name ?? "", r] as const] : []
    }),
  )
  // by where a manifest was read (the inventory may hold another decoding of the same files)
  const at = (m: Manifest): string => `${m.source.file}\u0000${m.source.document}\u0000${m.source.item ?? ""}`
  const unitsOf = new Map<string, Unit[]>()
  for (const u of inv.units.values()) unitsOf.set(at(u.manifest), [...(unitsOf.get(at(u.manifest)) ?? []), u])
  const rejected: QuotaRejection[] = []
  const computable = new Set<string>()
  /** Charges one create to its namespace's quotas; false when admission refuses it. */
  const charge = (c: Charge): boolean => {
    const mine = quotas.filter((q) => q.namespace === c.namespace && scopeMatches(q, c))
    for (const r of c.usage.keys()) computable.add(r)
    // every quota must accept; Kubernetes reports the first quota that refuses
    for (const q of mine) {
      const required = VALIDATION.filter((r) => q.hard[r] !== undefined)
      const missing = new Map<string, string[]>()
      for (const ct of c.containers ?? []) for (const r of required) if (!ct.states.has(r)) missing.set(r, [...(missing.get(r) ?? []), ct.name])
      if (missing.size > 0) {
        const what = [...missing].sort(([a], [b]) => (a < b ? -1 : 1)).map(([r, names]) => `${r} for: ${[...names].sort().join(",")}`).join("; ")
        rejected.push({ kind: c.kind, name: c.name, namespace: c.namespace, ...(c.createdBy === undefined ? {} : { createdBy: c.createdBy }), quota: q.name, message: `pods "${c.name}" is forbidden: failed quota: ${q.name}: must specify ${what}` })
        return false
      }
    }
    const next: Array<[Quota, QuotaState]> = []
    for (const q of mine) {
      // the resources the quota constrains, charged as this create uses them (absent = 0)
      const requests = Object.fromEntries(Object.keys(q.hard).map((r) => [r, c.usage.get(r) ?? 0n] as const))
      const r = admit()(q.state, { name: c.name, kind: "Pod", requests, priority: 0 })
      if (E.isLeft(r)) {
        const exceeded = Object.keys(q.hard).filter((k) => (q.state.used[k] ?? 0n) + (requests[k] ?? 0n) > q.hard[k]!).sort()
        const plural = c.kind === "Pod" ? "pods" : (COUNTED[c.kind]?.[0] ?? `${c.kind.toLowerCase()}s`).replace(/^count\//, "")
        rejected.push({
          kind: c.kind,
          name: c.name,
          namespace: c.namespace,
          ...(c.createdBy === undefined ? {} : { createdBy: c.createdBy }),
          quota: q.name,
          message: `${plural} "${c.name}" is forbidden: exceeded quota: ${q.name}, requested: ${prettyList(exceeded, (k) => requests[k] ?? 0n)}, used: ${prettyList(exceeded, (k) => q.state.used[k] ?? 0n)}, limited: ${prettyList(exceeded, (k) => q.hard[k]!)}`,
        })
        return false
      }
      next.push([q, r.right])
    }
    for (const [q, s] of next) q.state = s
    return true
  }
  const namespaces = new Set<string>()
  for (const m of manifests) {
    const kind = m.kind === "Unknown" ? m.declaredKind : m.kind
    const namespace = m.metadata?.namespace ?? "default"
    const name = m.metadata?.name ?? "<unnamed>"
    const counted = COUNTED[kind]
    if (counted !== undefined) {
      const usage = new Map<string, bigint>(counted.map((r) => [r, 1n]))
      if (m.kind === "PersistentVolumeClaim") {
        const storage = m.spec.resources?.requests?.["storage"]
        if (storage !== undefined) usage.set("requests.storage", value(storage))
        if (m.spec.storageClassName !== undefined && storage !== undefined) usage.set(`${m.spec.storageClassName}.storageclass.storage.k8s.io/requests.storage`, value(storage))
      }
      // a refused controller never creates its pods
      if (!charge({ kind, name, namespace, usage })) continue
    }
    for (const u of unitsOf.get(at(m)) ?? []) {
      namespaces.add(u.namespace)
      const direct = m.kind === "Pod"
      if (u.kind === "VirtualMachineInstance") {
        const ns = quotas.filter((q) => q.namespace === u.namespace)
        charge(launcherCharge(u, ns, ratios.get(u.namespace) ?? 2))
      } else {
        const spec = direct ? (m as Extract<Manifest, { kind: "Pod" }>).spec : (m as { spec: { template: { spec: PodSpec } } }).spec.template.spec
        charge(podCharge(u, spec, direct ? undefined : `${kind} ${name}`))
      }
    }
  }
  const reports = quotas.map((q): QuotaReport => {
    const lines = Object.keys(q.hard)
      .sort()
      .filter((r) => podResource(r) || computable.has(r) || Object.values(COUNTED).some((names) => names.includes(r)))
      .map((r): QuotaLine => {
        const hard = q.hard[r]!
        const used = q.state.used[r] ?? 0n
        const status = q.statusUsed?.[r]
        return {
          resource: r,
          hard: show(r, hard),
          used: show(r, used),
          headroom: show(r, hard > used ? hard - used : 0n),
          ...(status === undefined ? {} : { statusUsed: show(r, status) }),
          percent: hard === 0n ? (used === 0n ? 0 : 100) : Number((used * 100n) / hard),
        }
      })
    const shown = new Set(lines.map((l) => l.resource))
    return { namespace: q.namespace, name: q.name, scopes: [...q.scopes, ...q.scopeSelector.map((s) => `${s.scopeName} ${s.operator} ${s.values.join(",")}`.trim())], lines, notComputed: Object.keys(q.hard).filter((r) => !shown.has(r)).sort() }
  })
  const limitedNamespaces = new Set(quotas.map((q) => q.namespace))
  return { quotas: reports, rejected, unlimited: [...namespaces].filter((n) => !limitedNamespaces.has(n)).sort() }
}
