/**
 * Controllers expanded into the pods they would create, as their controllers do:
 *
 * - a Deployment creates the ReplicaSet `<deployment>-<pod-template-hash>` (see
 *   `templateHash.ts`) whose selector is the Deployment's plus `pod-template-hash`, whose template
 *   labels carry the hash, and which the Deployment controls — unless the input already holds a
 *   ReplicaSet the Deployment controls (a dump of a live cluster), which then stands for it; when
 *   the input holds only the pods of such a ReplicaSet, their live hash names it;
 * - a ReplicaSet or ReplicationController creates `replicas` pods `<name>-<i>` with the template's
 *   labels, controlled by it (upstream names them with a random five-character suffix; a name
 *   decides nothing in scheduling);
 * - a StatefulSet creates `<name>-<ordinal>` (from `ordinals.start`) labelled
 *   `statefulset.kubernetes.io/pod-name`, `apps.kubernetes.io/pod-index` and
 *   `controller-revision-hash`, each mounting the claims `<template>-<name>-<ordinal>` of its
 *   `volumeClaimTemplates` (claims the input lacks are created, as the controller does). With
 *   `podManagementPolicy: OrderedReady` (the default) ordinal k is created only once the members
 *   below it are Running and Ready (v1.35's `stateful_set_control.go`, monotonic mode): each
 *   missing ordinal carries `createdAfter` (the last ordinal created before it, and the existing
 *   members after that one that are not Running and Ready, or are being deleted), which the batch
 *   queue honours; with `Parallel` all are created at once. A member whose phase is Failed or
 *   Succeeded is deleted and created again by the controller, under either policy;
 * - a DaemonSet creates one pod on each node that should run it (`daemonSet.ts`);
 * - a Job runs min(parallelism, completions − succeeded) pods labelled with its
 *   `batch.kubernetes.io/controller-uid` and `job-name` (and the legacy `controller-uid`,
 *   `job-name`), controlled by it; a suspended Job runs none.
 *
 * Each creates only the pods the input lacks: pods already in the input that it controls
 * (owner reference with `controller: true`, same namespace) count as its replicas. Controllers
 * do not adopt orphans here. Selectors are checked as the API server does (apps/v1 needs a
 * non-empty selector that matches the template's labels).
 *
 * @since 0.1.0
 */
import type { LabelSelector as RawSelector, ObjectMeta } from "../../domain/manifest/codecs/meta.ts"
import type { PodSpec, PodTemplateSpec } from "../../domain/manifest/codecs/pod.ts"
import type { Manifest, ManifestOf } from "../../domain/manifest/Manifest.ts"
import type { ControllerSelector } from "../model/ClusterObjects.ts"
import { isEmptySelector, type LabelSelector, labelSelectorMatches, type Labels } from "../model/LabelSelector.ts"
import type { PodController } from "../model/SchedulingPod.ts"
import { createdClaim } from "./claims.ts"
import { invalid, type Locate, required, under } from "./fieldErrors.ts"
import { selectorFromManifest } from "./labelSelector.ts"
import { controllerOf } from "./lifecycle.ts"
import { namespaceOfObject, where } from "./source.ts"
import { podTemplateHash, syntheticUid } from "./templateHash.ts"

/** The most replicas one controller may ask for: more is refused (named), never a silent hang. @since 0.1.0 @category constants */
export const MAX_REPLICAS = 100_000

/**
 * A controller's `spec.replicas` (default 1): a non-negative integer as the API server validates
 * it, and at most {@link MAX_REPLICAS}, catcluster's limit.
 *
 * @since 0.1.0
 * @category constructors
 */
export const replicasOf = (given: number | undefined, at: string): number => {
  const replicas = given ?? 1
  if (!Number.isInteger(replicas) || replicas < 0) throw invalid(at, replicas, "must be greater than or equal to 0")
  if (replicas > MAX_REPLICAS) throw invalid(at, replicas, `more than ${MAX_REPLICAS} replicas of one controller are not enumerated`)
  return replicas
}

/** Label keys controllers set (v1.35). @since 0.1.0 @category constants */
export const CONTROLLER_LABELS = {
  podTemplateHash: "pod-template-hash",
  statefulSetPodName: "statefulset.kubernetes.io/pod-name",
  podIndex: "apps.kubernetes.io/pod-index",
  controllerRevisionHash: "controller-revision-hash",
  jobControllerUid: "batch.kubernetes.io/controller-uid",
  jobName: "batch.kubernetes.io/job-name",
  legacyJobControllerUid: "controller-uid",
  legacyJobName: "job-name",
  jobCompletionIndex: "batch.kubernetes.io/job-completion-index",
} as const

/** A pod a controller would create. @since 0.1.0 @category model */
export interface TemplatePod {
  readonly namespace: string
  readonly name: string
  readonly labels: Labels
  readonly controller: PodController
  readonly spec: PodSpec
  /** Where the template's spec fields are. */
  readonly locate: Locate
  /** Where the template's `priorityClassName` is. */
  readonly priorityAt: string
  /** Keys of the pods its controller waits for before creating it (see `SchedulingPod.createdAfter`). */
  readonly createdAfter?: ReadonlyArray<string>
}

/**
 * What the input says of a pod that exists, as a StatefulSet's controller reads it: its phase,
 * whether its Ready condition is True, whether it is being deleted.
 *
 * @since 0.1.0
 * @category model
 */
export interface MemberState {
  readonly phase?: "Pending" | "Running" | "Succeeded" | "Failed" | "Unknown"
  readonly ready: boolean
  readonly terminating: boolean
}

/** The pods already in the input, by the controller that owns them. @since 0.1.0 @category model */
export interface ExistingPods {
  /** Names of the non-terminal pods `kind/name` in `namespace` controls. */
  readonly active: (namespace: string, kind: string, name: string) => ReadonlyArray<string>
  /** How many of its pods succeeded. */
  readonly succeeded: (namespace: string, kind: string, name: string) => number
  /** Whether a pod of that name is in the input. */
  readonly has: (namespace: string, name: string) => boolean
  /** The state of the pod of that name in the input (the first one), if any. */
  readonly state?: (namespace: string, name: string) => MemberState | undefined
}

/** What expanding one controller gives. @since 0.1.0 @category model */
export interface Expansion {
  readonly pods: ReadonlyArray<TemplatePod>
  /** ReplicaSets, StatefulSets and ReplicationControllers, for PodTopologySpread's default selector. */
  readonly controllers: ReadonlyArray<ControllerSelector>
  /**
   * Replica counts by `namespace/Kind/name`, for PodDisruptionBudgets; a ReplicaSet a Deployment
   * controls has the Deployment's (`sameAs` its key), as the disruption controller reads it.
   */
  readonly scales: ReadonlyArray<Scale>
  /** Claims a StatefulSet creates (decoded PersistentVolumeClaim manifests). */
  readonly claims: ReadonlyArray<Manifest>
  readonly notes: ReadonlyArray<{ readonly key: string; readonly reason: string }>
}

/** A controller's replica count, or the controller whose count it has. @since 0.1.0 @category model */
export type Scale = { readonly key: string; readonly replicas: number } | { readonly key: string; readonly sameAs: string }

/** An expansion that creates nothing. @since 0.1.0 @category constants */
export const EMPTY_EXPANSION: Expansion = { pods: [], controllers: [], scales: [], claims: [], notes: [] }

/**
 * `namespace/Kind/name`, the key of a controller's scale.
 *
 * @since 0.1.0
 * @category destructors
 */
export const scaleKey = (namespace: string, kind: string, name: string): string => `${namespace}/${kind}/${name}`

/**
 * A controller's `metadata.name`, required.
 *
 * @since 0.1.0
 * @category destructors
 */
export const controllerNameOf = (m: { readonly metadata?: ObjectMeta }, at: string): string => {
  const name = m.metadata?.name
  if (name === undefined || name === "") throw required(at, "name or generateName is required")
  return name
}

/**
 * An apps/v1 selector: required, non-empty, and matching the template's labels.
 *
 * @since 0.1.0
 * @category constructors
 */
export const appsSelector = (raw: RawSelector | undefined, template: PodTemplateSpec, kind: string, locate: Locate): LabelSelector => {
  const selector = selectorFromManifest(raw, under(locate, "spec.selector"))
  if (selector === undefined) throw required(locate("spec.selector"))
  if (isEmptySelector(selector)) throw invalid(locate("spec.selector"), raw, `empty selector is invalid for ${kind}`)
  const labels = template.metadata?.labels ?? {}
  if (!labelSelectorMatches(selector, labels)) throw invalid(locate("spec.template.metadata.labels"), labels, "`selector` does not match template `labels`")
  return selector
}

/**
 * `count` fresh pod names `<base>-<i>`, skipping names the input already uses.
 *
 * @since 0.1.0
 * @category constructors
 */
export const freshNames = (existing: ExistingPods, namespace: string, base: string, count: number): ReadonlyArray<string> => {
  const out: string[] = []
  for (let i = 0; out.length < count; i++) if (!existing.has(namespace, `${base}-${i}`)) out.push(`${base}-${i}`)
  return out
}

interface ReplicaSetLike {
  readonly namespace: string
  readonly name: string
  readonly replicas: number
  readonly selector: LabelSelector
  readonly labels: Labels
  readonly spec: PodSpec
  readonly locate: Locate
  readonly priorityAt: string
}

const replicaSetPods = (rs: ReplicaSetLike, existing: ExistingPods): Expansion => {
  const have = existing.active(rs.namespace, "ReplicaSet", rs.name).length
  const controller: PodController = { apiVersion: "apps/v1", kind: "ReplicaSet", name: rs.name }
  const pods = freshNames(existing, rs.namespace, rs.name, Math.max(0, rs.replicas - have)).map(
    (name): TemplatePod => ({ namespace: rs.namespace, name, labels: rs.labels, controller, spec: rs.spec, locate: rs.locate, priorityAt: rs.priorityAt }),
  )
  return { ...EMPTY_EXPANSION, pods, controllers: [{ kind: "ReplicaSet", namespace: rs.namespace, name: rs.name, selector: rs.selector }] }
}

/**
 * A Deployment: its ReplicaSet and that ReplicaSet's pods (or nothing, with a note, when the
 * input holds ReplicaSets it controls). `observedHash` is the live hash its pods reveal when the
 * input holds them but not their ReplicaSet (see {@link observedTemplateHashes}).
 *
 * @since 0.1.0
 * @category constructors
 */
export const deploymentPods = (
  d: ManifestOf<"Deployment">,
  ownedReplicaSets: ReadonlyArray<string>,
  existing: ExistingPods,
  observedHash?: string,
): Expansion => {
  const locate = (p: string) => where(d, p)
  const namespace = namespaceOfObject(d)
  const name = controllerNameOf(d, locate("metadata.name"))
  const selector = appsSelector(d.spec.selector, d.spec.template, "deployment", locate)
  const replicas = replicasOf(d.spec.replicas, locate("spec.replicas"))
  const scales: ReadonlyArray<Scale> = [{ key: scaleKey(namespace, "Deployment", name), replicas }]
  if (ownedReplicaSets.length > 0) {
    return { ...EMPTY_EXPANSION, scales, notes: [{ key: `${namespace}/${name}`, reason: `Deployment: its ReplicaSet(s) ${ownedReplicaSets.join(", ")} in the input stand for it` }] }
  }
  const hash = observedHash ?? podTemplateHash(d.spec.template)
  const rsName = `${name}-${hash}`
  const labels = { ...(d.spec.template.metadata?.labels ?? {}), [CONTROLLER_LABELS.podTemplateHash]: hash }
  const rsSelector: LabelSelector = { ...selector, matchLabels: { ...(selector.matchLabels ?? {}), [CONTROLLER_LABELS.podTemplateHash]: hash } }
  const rs = replicaSetPods(
    { namespace, name: rsName, replicas, selector: rsSelector, labels, spec: d.spec.template.spec, locate: under(locate, "spec.template.spec"), priorityAt: locate("spec.template.spec.priorityClassName") },
    existing,
  )
  return { ...rs, scales: [...scales, { key: scaleKey(namespace, "ReplicaSet", rsName), sameAs: scaleKey(namespace, "Deployment", name) }] }
}

/**
 * A ReplicaSet's pods (its scale is its Deployment's when a Deployment controls it).
 *
 * @since 0.1.0
 * @category constructors
 */
export const replicaSetExpansion = (rs: ManifestOf<"ReplicaSet">, existing: ExistingPods): Expansion => {
  const locate = (p: string) => where(rs, p)
  const namespace = namespaceOfObject(rs)
  const name = controllerNameOf(rs, locate("metadata.name"))
  const selector = appsSelector(rs.spec.selector, rs.spec.template, "deployment", locate)
  const replicas = replicasOf(rs.spec.replicas, locate("spec.replicas"))
  const owner = controllerOf(rs.metadata, locate)
  const expansion = replicaSetPods(
    {
      namespace,
      name,
      replicas,
      selector,
      labels: rs.spec.template.metadata?.labels ?? {},
      spec: rs.spec.template.spec,
      locate: under(locate, "spec.template.spec"),
      priorityAt: locate("spec.template.spec.priorityClassName"),
    },
    existing,
  )
  const key = scaleKey(namespace, "ReplicaSet", name)
  return { ...expansion, scales: [owner?.kind === "Deployment" ? { key, sameAs: scaleKey(namespace, "Deployment", owner.name) } : { key, replicas }] }
}

/**
 * A ReplicationController's pods (its selector defaults to the template's labels).
 *
 * @since 0.1.0
 * @category constructors
 */
export const replicationControllerExpansion = (rc: ManifestOf<"ReplicationController">, existing: ExistingPods): Expansion => {
  const locate = (p: string) => where(rc, p)
  const namespace = namespaceOfObject(rc)
  const name = controllerNameOf(rc, locate("metadata.name"))
  const template = rc.spec?.template
  if (template === undefined) throw required(locate("spec.template"))
  const labels = template.metadata?.labels ?? {}
  const given = rc.spec?.selector ?? {}
  const selector = Object.keys(given).length === 0 ? labels : given
  if (Object.keys(selector).length === 0) throw required(locate("spec.selector"))
  if (!labelSelectorMatches({ matchLabels: selector }, labels)) throw invalid(locate("spec.template.metadata.labels"), labels, "`selector` does not match template `labels`")
  const replicas = replicasOf(rc.spec?.replicas, locate("spec.replicas"))
  const have = existing.active(namespace, "ReplicationController", name).length
  const controller: PodController = { apiVersion: "v1", kind: "ReplicationController", name }
  const pods = freshNames(existing, namespace, name, Math.max(0, replicas - have)).map(
    (n): TemplatePod => ({ namespace, name: n, labels, controller, spec: template.spec, locate: under(locate, "spec.template.spec"), priorityAt: locate("spec.template.spec.priorityClassName") }),
  )
  return {
    ...EMPTY_EXPANSION,
    pods,
    controllers: [{ kind: "ReplicationController", namespace, name, selector: { matchLabels: selector } }],
    scales: [{ key: scaleKey(namespace, "ReplicationController", name), replicas }],
  }
}

/**
 * A StatefulSet's pods and the claims of its `volumeClaimTemplates` the input lacks;
 * `claimExists(namespace, name)` says whether a claim is in the input.
 *
 * @since 0.1.0
 * @category constructors
 */
export const statefulSetExpansion = (
  ss: ManifestOf<"StatefulSet">,
  existing: ExistingPods,
  claimExists: (namespace: string, name: string) => boolean,
): Expansion => {
  const locate = (p: string) => where(ss, p)
  const namespace = namespaceOfObject(ss)
  const name = controllerNameOf(ss, locate("metadata.name"))
  const selector = appsSelector(ss.spec.selector, ss.spec.template, "statefulset", locate)
  const replicas = replicasOf(ss.spec.replicas, locate("spec.replicas"))
  const start = ss.spec.ordinals?.["start"] ?? 0
  if (typeof start !== "number" || !Number.isInteger(start) || start < 0) throw invalid(locate("spec.ordinals.start"), start, "must be greater than or equal to 0")
  // apps/v1 defaults an absent (or empty) policy to OrderedReady; the API server refuses any other value
  const given = ss.spec.podManagementPolicy
  const policy = given === undefined || given === "" ? "OrderedReady" : given
  if (policy !== "OrderedReady" && policy !== "Parallel") throw invalid(locate("spec.podManagementPolicy"), given, "must be 'OrderedReady' or 'Parallel'")
  const ordered = policy === "OrderedReady"
  const revision = `${name}-${podTemplateHash(ss.spec.template)}`
  const templates = (ss.spec.volumeClaimTemplates ?? []).map((t, i) => {
    const tplName = (t["metadata"] as { name?: unknown } | undefined)?.name
    if (typeof tplName !== "string" || tplName === "") throw required(locate(`spec.volumeClaimTemplates[${i}].metadata.name`))
    return { name: tplName, index: i, raw: t }
  })
  const controller: PodController = { apiVersion: "apps/v1", kind: "StatefulSet", name }
  const pods: TemplatePod[] = []
  const claims: Manifest[] = []
  const notes: Array<{ key: string; reason: string }> = []
  // OrderedReady (the controller's monotonic mode): the members below the current ordinal that are
  // not Running and Ready yet. A missing ordinal is created only once they all are (the controller
  // stops at the first member that is not, creates at most one pod per pass, and waits for it); a
  // created ordinal waits for the last one created before it, which waited for the earlier ones.
  let waits: ReadonlyArray<string> = []
  let blocking: string | undefined
  for (let ordinal = start; ordinal < start + replicas; ordinal++) {
    const podName = `${name}-${ordinal}`
    const claimNames = templates.map((t) => `${t.name}-${name}-${ordinal}`)
    templates.forEach((t, i) => {
      const claim = claimNames[i] as string
      if (claimExists(namespace, claim) || claims.some((c) => c.metadata?.name === claim)) return
      const meta = (t.raw["metadata"] ?? {}) as { labels?: Labels }
      claims.push(createdClaim(namespace, claim, t.raw["spec"], { ...(meta.labels ?? {}), ...(selector.matchLabels ?? {}) }, ss.source, locate(`spec.volumeClaimTemplates[${t.index}].spec`)))
    })
    const key = `${namespace}/${podName}`
    const member = existing.has(namespace, podName) ? (existing.state?.(namespace, podName) ?? { phase: "Running", ready: true, terminating: false }) : undefined
    // a Failed or Succeeded member is deleted by the controller and created again (processReplica)
    const finished = member?.phase === "Failed" || member?.phase === "Succeeded"
    if (member !== undefined && finished) notes.push({ key, reason: `Pod is ${member.phase} and StatefulSet ${name} owns its ordinal: the controller deletes it and creates it again` })
    if (member !== undefined && !finished) {
      if (ordered && (member.terminating || member.phase !== "Running" || !member.ready)) {
        waits = [...waits, key]
        blocking ??= member.terminating ? `${podName} is being deleted` : `${podName} is not Running and Ready (phase ${member.phase ?? "unset"}${member.phase === "Running" ? ", not Ready" : ""})`
      }
      continue
    }
    if (waits.length > 0 && blocking !== undefined) {
      notes.push({ key: `${namespace}/${name}`, reason: `StatefulSet (podManagementPolicy OrderedReady): ${blocking}; ${podName} and the ordinals after it are created only once it is Running and Ready` })
      blocking = undefined
    }
    // updateStorage: each claim template replaces the template's volume of the same name
    const volumes = [
      ...(ss.spec.template.spec.volumes ?? []).filter((v) => !templates.some((t) => t.name === v["name"])),
      ...templates.map((t, i) => ({ name: t.name, persistentVolumeClaim: { claimName: claimNames[i] as string } })),
    ]
    pods.push({
      namespace,
      name: podName,
      labels: {
        ...(ss.spec.template.metadata?.labels ?? {}),
        [CONTROLLER_LABELS.statefulSetPodName]: podName,
        [CONTROLLER_LABELS.podIndex]: String(ordinal),
        [CONTROLLER_LABELS.controllerRevisionHash]: revision,
      },
      controller,
      spec: templates.length === 0 ? ss.spec.template.spec : { ...ss.spec.template.spec, volumes },
      locate: under(locate, "spec.template.spec"),
      priorityAt: locate("spec.template.spec.priorityClassName"),
      ...(ordered && waits.length > 0 ? { createdAfter: waits } : {}),
    })
    if (ordered) waits = [key]
  }
  return {
    ...EMPTY_EXPANSION,
    pods,
    claims,
    notes,
    controllers: [{ kind: "StatefulSet", namespace, name, selector }],
    scales: [{ key: scaleKey(namespace, "StatefulSet", name), replicas }],
  }
}

/**
 * A Job's running pods: min(parallelism, completions − succeeded) less those in the input;
 * `succeeded` comes from its status, else from its Succeeded pods in the input.
 *
 * @since 0.1.0
 * @category constructors
 */
export const jobExpansion = (job: ManifestOf<"Job">, existing: ExistingPods): Expansion => {
  const locate = (p: string) => where(job, p)
  const namespace = namespaceOfObject(job)
  const name = controllerNameOf(job, locate("metadata.name"))
  const key = `${namespace}/${name}`
  if (job.spec.suspend === true) return { ...EMPTY_EXPANSION, notes: [{ key, reason: "Job is suspended (spec.suspend): it runs no pods" }] }
  const uid = job.metadata?.uid ?? syntheticUid("Job", namespace, name)
  const templateLabels = job.spec.template.metadata?.labels ?? {}
  const labels =
    job.spec.manualSelector === true
      ? templateLabels
      : {
          ...templateLabels,
          [CONTROLLER_LABELS.jobControllerUid]: uid,
          [CONTROLLER_LABELS.jobName]: name,
          [CONTROLLER_LABELS.legacyJobControllerUid]: uid,
          [CONTROLLER_LABELS.legacyJobName]: name,
        }
  if (job.spec.manualSelector === true) {
    const selector = selectorFromManifest(job.spec.selector, under(locate, "spec.selector"))
    if (selector === undefined) throw required(locate("spec.selector"))
    if (!labelSelectorMatches(selector, labels)) throw invalid(locate("spec.template.metadata.labels"), labels, "`selector` does not match template `labels`")
  }
  const fromStatus = job.status?.["succeeded"]
  const succeeded = typeof fromStatus === "number" ? fromStatus : existing.succeeded(namespace, "Job", name)
  const remaining = job.spec.completions === undefined ? Number.POSITIVE_INFINITY : Math.max(0, job.spec.completions - succeeded)
  const active = existing.active(namespace, "Job", name)
  const count = Math.max(0, Math.min(job.spec.parallelism ?? 1, remaining) - active.length)
  const controller: PodController = { apiVersion: "batch/v1", kind: "Job", name }
  const indexed = job.spec.completionMode === "Indexed"
  const pods = freshNames(existing, namespace, name, count).map(
    (n, i): TemplatePod => ({
      namespace,
      name: n,
      labels: indexed ? { ...labels, [CONTROLLER_LABELS.jobCompletionIndex]: String(succeeded + active.length + i) } : labels,
      controller,
      spec: job.spec.template.spec,
      locate: under(locate, "spec.template.spec"),
      priorityAt: locate("spec.template.spec.priorityClassName"),
    }),
  )
  return { ...EMPTY_EXPANSION, pods }
}

/**
 * Which Deployments the input's ReplicaSets stand for: `namespace/deployment` → ReplicaSet names.
 *
 * @since 0.1.0
 * @category destructors
 */
export const replicaSetsByDeployment = (manifests: ReadonlyArray<Manifest>): ReadonlyMap<string, ReadonlyArray<string>> => {
  const out = new Map<string, string[]>()
  for (const m of manifests) {
    if (m.kind !== "ReplicaSet") continue
    const owner = controllerOf(m.metadata, (p) => where(m, p))
    if (owner?.kind !== "Deployment") continue
    const key = `${namespaceOfObject(m)}/${owner.name}`
    out.set(key, [...(out.get(key) ?? []), m.metadata?.name ?? "<unnamed>"])
  }
  return out
}

/**
 * The `pod-template-hash` a dump reveals for each Deployment (`namespace/deployment` → hash): its
 * pods are controlled by a ReplicaSet `<deployment>-<h>` that is not in the input and carry
 * `pod-template-hash: h`. With several (a rollout caught midway) the one most pods carry, the
 * smallest on a tie. The Deployment's ReplicaSet then takes that name, so those pods count as its
 * replicas instead of being doubled.
 *
 * @since 0.1.0
 * @category destructors
 */
export const observedTemplateHashes = (
  pods: ReadonlyArray<{ readonly namespace: string; readonly labels: Labels; readonly controller?: PodController }>,
  deployments: ReadonlySet<string>,
): ReadonlyMap<string, string> => {
  const counts = new Map<string, Map<string, number>>()
  for (const p of pods) {
    const hash = p.labels[CONTROLLER_LABELS.podTemplateHash]
    const c = p.controller
    if (hash === undefined || c?.kind !== "ReplicaSet" || !c.name.endsWith(`-${hash}`)) continue
    const key = `${p.namespace}/${c.name.slice(0, -(hash.length + 1))}`
    if (!deployments.has(key)) continue
    const byHash = counts.get(key) ?? new Map<string, number>()
    byHash.set(hash, (byHash.get(hash) ?? 0) + 1)
    counts.set(key, byHash)
  }
  const out = new Map<string, string>()
  for (const [key, byHash] of counts) {
    const best = [...byHash].sort(([a, n], [b, m]) => m - n || (a < b ? -1 : a > b ? 1 : 0))[0]
    if (best !== undefined) out.set(key, best[0])
  }
  return out
}
