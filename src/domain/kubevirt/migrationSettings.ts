/**
 * What KubeVirt v1.9 does with a VMI when its node is drained, read from the user's manifests:
 * the effective eviction strategy (the VMI's own `evictionStrategy`, else the KubeVirt CR's
 * `spec.configuration.evictionStrategy`, else KubeVirt's default `None`; the HyperConverged
 * operator sets `LiveMigrate` on multi-node clusters, which only shows here through the CR), the
 * migration settings that apply to it (KubeVirt defaults, overridden by the CR's
 * `spec.configuration.migrations`, overridden by the MigrationPolicy that selects it), and
 * whether it can be live-migrated at all.
 *
 * MigrationPolicy selection: a policy applies when every label of its
 * `virtualMachineInstanceSelector` is on the VMI and every label of its `namespaceSelector` is
 * on the VMI's namespace; among those, the one matching the most labels wins, ties broken by
 * name. Namespace labels come from Namespace objects in the input (plus the automatic
 * `kubernetes.io/metadata.name`).
 *
 * @since 0.1.0
 */
import type { MigrationPolicy, VirtualMachineInstanceSpec } from "../manifest/codecs/kubevirt.ts"
import type { Manifest, ManifestOf } from "../manifest/Manifest.ts"
import { value } from "../quantity/decimal.ts"
import type { VmiSpec } from "./VmiSpec.ts"

/**
 * KubeVirt's eviction strategies.
 *
 * @since 0.1.0
 * @category model
 */
export type EvictionStrategy = "None" | "LiveMigrate" | "LiveMigrateIfPossible" | "External"

/**
 * An effective eviction strategy and where it comes from.
 *
 * @since 0.1.0
 * @category model
 */
export interface EffectiveStrategy {
  readonly strategy: EvictionStrategy | string
  /** `the VMI`, `KubeVirt CR <name>` or `KubeVirt's default`. */
  readonly from: string
}

/**
 * The migration settings that apply to one VMI, and what set each.
 *
 * @since 0.1.0
 * @category model
 */
export interface MigrationSettings {
  /** MiB/s; `undefined` = unlimited (KubeVirt's default, `bandwidthPerMigration: 0`). */
  readonly bandwidthMiBps: number | undefined
  readonly completionTimeoutPerGiB: number
  readonly progressTimeout: number
  readonly allowAutoConverge: boolean
  readonly allowPostCopy: boolean
  readonly allowWorkloadDisruption: boolean
  /** The MigrationPolicy that selected the VMI, if any. */
  readonly policy: string | undefined
  /** Which object set which setting, for the report. */
  readonly sources: ReadonlyArray<string>
}

/**
 * KubeVirt v1.9's migration defaults.
 *
 * @since 0.1.0
 * @category constants
 */
export const kubevirtMigrationDefaults: MigrationSettings = {
  bandwidthMiBps: undefined,
  completionTimeoutPerGiB: 150,
  progressTimeout: 150,
  allowAutoConverge: false,
  allowPostCopy: false,
  allowWorkloadDisruption: false,
  policy: undefined,
  sources: [],
}

const nameOf = (m: Manifest): string => m.metadata?.name ?? "<unnamed>"

/**
 * The KubeVirt CR among the manifests (the first; a cluster has one).
 *
 * @since 0.1.0
 * @category destructors
 */
export const kubevirtCr = (manifests: ReadonlyArray<Manifest>): ManifestOf<"KubeVirt"> | undefined =>
  manifests.find((m): m is ManifestOf<"KubeVirt"> => m.kind === "KubeVirt")

/**
 * The cluster-wide eviction strategy: the KubeVirt CR's, else KubeVirt's default `None`.
 *
 * @since 0.1.0
 * @category destructors
 */
export const clusterEvictionStrategy = (manifests: ReadonlyArray<Manifest>): EffectiveStrategy => {
  const cr = kubevirtCr(manifests)
  const s = cr?.spec?.configuration?.evictionStrategy
  return s === undefined ? { strategy: "None", from: "KubeVirt's default" } : { strategy: s, from: `KubeVirt CR ${nameOf(cr!)}` }
}

/**
 * A VMI's effective eviction strategy.
 *
 * @example
 * import { effectiveEvictionStrategy } from "catcluster/domain/kubevirt"
 * effectiveEvictionStrategy({ domain: {} }, { strategy: "LiveMigrate", from: "KubeVirt CR kubevirt" }).strategy // "LiveMigrate"
 *
 * @since 0.1.0
 * @category destructors
 */
export const effectiveEvictionStrategy = (spec: VirtualMachineInstanceSpec, cluster: EffectiveStrategy): EffectiveStrategy =>
  spec.evictionStrategy === undefined ? cluster : { strategy: spec.evictionStrategy, from: "the VMI" }

/**
 * Whether a drain live-migrates the VMI: `LiveMigrate` or `LiveMigrateIfPossible`, and the VMI
 * is migratable. (A non-migratable VMI with `LiveMigrate` has its eviction refused, so the drain
 * waits; with `LiveMigrateIfPossible` it is evicted, i.e. shut down.)
 *
 * @since 0.1.0
 * @category refinements
 */
export const migratesOnDrain = (strategy: string, migratable: boolean): boolean =>
  migratable && (strategy === "LiveMigrate" || strategy === "LiveMigrateIfPossible")

/**
 * Whether KubeVirt can live-migrate a VMI: VFIO devices (GPUs, host devices, SR-IOV
 * interfaces) pin it to its node, and a PersistentVolumeClaim given in the input without
 * ReadWriteMany access cannot be attached on two nodes at once. PVCs absent from the input are
 * assumed shared (said in `assumptions`).
 *
 * @since 0.1.0
 * @category refinements
 */
export const liveMigratable = (
  vmi: VmiSpec,
  spec: VirtualMachineInstanceSpec,
  namespace: string,
  claims: ReadonlyArray<ManifestOf<"PersistentVolumeClaim">>,
): { readonly migratable: boolean; readonly reason: string | undefined; readonly assumptions: ReadonlyArray<string> } => {
  if (vmi.gpus.length > 0) return { migratable: false, reason: "GPU passthrough (VFIO) is not live-migratable", assumptions: [] }
  if (vmi.hostDevices.length > 0) return { migratable: false, reason: "host devices (VFIO) are not live-migratable", assumptions: [] }
  if (vmi.interfaces.some((i) => i.sriov)) return { migratable: false, reason: "an SR-IOV interface (VFIO) is not live-migratable", assumptions: [] }
  const assumptions: string[] = []
  for (const v of spec.volumes ?? []) {
    const claim =
      (v as { persistentVolumeClaim?: { claimName?: unknown } }).persistentVolumeClaim?.claimName ??
      (v as { dataVolume?: { name?: unknown } }).dataVolume?.name
    if (typeof claim !== "string") continue
    const pvc = claims.find((c) => c.metadata?.name === claim && (c.metadata?.namespace ?? "default") === namespace)
    if (pvc === undefined) assumptions.push(`PVC ${claim} is not in the input: assumed ReadWriteMany`)
    else if (!(pvc.spec.accessModes ?? []).includes("ReadWriteMany")) {
      return { migratable: false, reason: `PVC ${claim} is not ReadWriteMany (${(pvc.spec.accessModes ?? []).join(", ") || "no access mode"})`, assumptions }
    }
  }
  return { migratable: true, reason: undefined, assumptions }
}

/**
 * What migration settings are read from, indexed once per cluster: the KubeVirt CR, the
 * MigrationPolicies and the namespaces' labels.
 *
 * @since 0.1.0
 * @category model
 */
export interface MigrationContext {
  readonly cr: ManifestOf<"KubeVirt"> | undefined
  readonly policies: ReadonlyArray<ManifestOf<"MigrationPolicy">>
  /** A namespace's labels (from a Namespace object, if given) with `kubernetes.io/metadata.name`. */
  readonly namespaceLabels: (namespace: string) => Readonly<Record<string, string>>
}

/**
 * Indexes the manifests a cluster's migration settings come from.
 *
 * @since 0.1.0
 * @category constructors
 */
export const migrationContext = (manifests: ReadonlyArray<Manifest>): MigrationContext => {
  const namespaces = new Map<string, Readonly<Record<string, string>>>()
  for (const m of manifests) if (m.kind === "Unknown" && m.declaredKind === "Namespace" && m.metadata?.name !== undefined) namespaces.set(m.metadata.name, m.metadata.labels ?? {})
  return {
    cr: kubevirtCr(manifests),
    policies: manifests.filter((m): m is ManifestOf<"MigrationPolicy"> => m.kind === "MigrationPolicy"),
    namespaceLabels: (namespace) => ({ ...(namespaces.get(namespace) ?? {}), "kubernetes.io/metadata.name": namespace }),
  }
}

/**
 * The MigrationPolicy that selects a VMI (most matching labels, then name), if any.
 *
 * @since 0.1.0
 * @category destructors
 */
export const selectPolicy = (
  context: MigrationContext,
  vmiLabels: Readonly<Record<string, string>>,
  namespace: string,
): ManifestOf<"MigrationPolicy"> | undefined => {
  if (context.policies.length === 0) return undefined
  const nsLabels = context.namespaceLabels(namespace)
  const covers = (selector: Readonly<Record<string, string>> | undefined, labels: Readonly<Record<string, string>>): number | undefined => {
    const entries = Object.entries(selector ?? {})
    return entries.every(([k, v]) => labels[k] === v) ? entries.length : undefined
  }
  let best: { readonly policy: ManifestOf<"MigrationPolicy">; readonly score: number } | undefined
  for (const m of context.policies) {
    const vmiScore = covers(m.spec.selectors?.virtualMachineInstanceSelector, vmiLabels)
    const nsScore = covers(m.spec.selectors?.namespaceSelector, nsLabels)
    if (vmiScore === undefined || nsScore === undefined) continue
    const score = vmiScore + nsScore
    if (best === undefined || score > best.score || (score === best.score && nameOf(m) < nameOf(best.policy))) best = { policy: m, score }
  }
  return best?.policy
}

const mibps = (bytesPerSecond: bigint): number | undefined => (bytesPerSecond === 0n ? undefined : Number(bytesPerSecond) / 2 ** 20)

/**
 * The migration settings for a VMI: KubeVirt defaults, then the KubeVirt CR's `migrations`,
 * then the MigrationPolicy that selects it (bandwidth, completion timeout, auto-converge,
 * post-copy, workload disruption).
 *
 * @since 0.1.0
 * @category destructors
 */
export const migrationSettingsFor = (context: MigrationContext, vmiLabels: Readonly<Record<string, string>>, namespace: string): MigrationSettings => {
  let s: MigrationSettings = kubevirtMigrationDefaults
  const sources: string[] = []
  const cr = context.cr
  const c = cr?.spec?.configuration?.migrations
  if (c !== undefined) {
    s = {
      ...s,
      ...(c.bandwidthPerMigration === undefined ? {} : { bandwidthMiBps: mibps(value(c.bandwidthPerMigration)) }),
      ...(c.completionTimeoutPerGiB === undefined ? {} : { completionTimeoutPerGiB: c.completionTimeoutPerGiB }),
      ...(c.progressTimeout === undefined ? {} : { progressTimeout: c.progressTimeout }),
      ...(c.allowAutoConverge === undefined ? {} : { allowAutoConverge: c.allowAutoConverge }),
      ...(c.allowPostCopy === undefined ? {} : { allowPostCopy: c.allowPostCopy }),
      ...(c.allowWorkloadDisruption === undefined ? {} : { allowWorkloadDisruption: c.allowWorkloadDisruption }),
    }
    sources.push(`KubeVirt CR ${nameOf(cr!)}`)
  }
  const policy = selectPolicy(context, vmiLabels, namespace)
  const p: MigrationPolicy["spec"] | undefined = policy?.spec
  if (policy !== undefined && p !== undefined) {
    s = {
      ...s,
      ...(p.bandwidthPerMigration === undefined ? {} : { bandwidthMiBps: mibps(value(p.bandwidthPerMigration)) }),
      ...(p.completionTimeoutPerGiB === undefined ? {} : { completionTimeoutPerGiB: p.completionTimeoutPerGiB }),
      ...(p.allowAutoConverge === undefined ? {} : { allowAutoConverge: p.allowAutoConverge }),
      ...(p.allowPostCopy === undefined ? {} : { allowPostCopy: p.allowPostCopy }),
      ...(p.allowWorkloadDisruption === undefined ? {} : { allowWorkloadDisruption: p.allowWorkloadDisruption }),
    }
    sources.push(`MigrationPolicy ${nameOf(policy)}`)
  }
  return { ...s, policy: policy === undefined ? undefined : nameOf(policy), sources }
}
