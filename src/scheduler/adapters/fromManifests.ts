/**
 * From manifests to the scheduler's model: the nodes (`nodes.ts`), and a workload — the pods to
 * schedule, the pods already bound, and every other object kube-scheduler reads (namespaces,
 * Services, ReplicaSets / StatefulSets / ReplicationControllers, PodDisruptionBudgets, storage).
 *
 * - Pods: as written (`pod.ts`). With `spec.nodeName` a pod is bound, and counts what its status
 *   says of a resize in flight (`statusResources.ts`). A pod whose status says
 *   Succeeded or Failed no longer runs and uses nothing (kube-scheduler's cache drops it) and an
 *   unbound pod being deleted is never scheduled: both are skipped with a note.
 * - Kubelet admission: a pod that names its node and has not started there (no status, or
 *   Pending without `status.startTime`: `awaitsKubelet`), and a controller's pod whose template
 *   names a node, is judged by that node's kubelet when the nodes are given
 *   (`KubeletAdmission.ts`): one at a time, in creation-time order when every such pod has a
 *   `creationTimestamp` and in input order otherwise (the kubelet sorts what it receives by
 *   creation time), each against the running pods plus those admitted before it. A rejected pod
 *   ends Failed, uses nothing and is listed in `rejected` with the kubelet's reason and message;
 *   pods already running stay bound whatever they use.
 * - Controllers: expanded into the pods they would create, as their controllers do
 *   (`controllers.ts`), only for the replicas the input lacks.
 * - VirtualMachineInstances and running VirtualMachines: their virt-launcher pod as KubeVirt v1.9
 *   renders it (`virtLauncher.ts`), unless the input holds that pod (or, for a VM, its VMI); a
 *   VMI whose status names a node is bound there; a VM that is not running is skipped unless
 *   `startVms`. During a live migration the source launcher (on the VMI's node) stands for the
 *   VMI and the target launcher is a pod of its own.
 * - DaemonSets: one pod per node that should run them (`daemonSet.ts`), given the nodes.
 * - Priorities as admission resolves them (`priority.ts`); for the pods about to be created,
 *   LimitRange defaults and bounds (`limitRange.ts`, also on the claims being created) and RuntimeClass overhead and scheduling
 *   constraints (`runtimeClass.ts`) as their admission plugins apply them; PodDisruptionBudgets as the disruption controller computes them
 *   (`disruptionBudgets.ts`).
 *
 * Several files read together (`modelFromFiles`) give what one text holding them all gives
 * (`workloadFromText`): objects in one file apply to pods in another.
 *
 * @since 0.1.0
 */
import type { PodSpec } from "../../domain/manifest/codecs/pod.ts"
import type { Manifest, ManifestOf } from "../../domain/manifest/Manifest.ts"
import type { ClusterObjects, ControllerSelector } from "../model/ClusterObjects.ts"
import type { Binding, ClusterSnapshot } from "../model/ClusterSnapshot.ts"
import type { NumaCell, SchedulingNode } from "../model/SchedulingNode.ts"
import { namespaceOf, type SchedulingPod } from "../model/SchedulingPod.ts"
import { SchedulerInputError } from "../SchedulerInputError.ts"
import {
  deploymentPods,
  type ExistingPods,
  type Expansion,
  jobExpansion,
  observedTemplateHashes,
  replicaSetExpansion,
  replicaSetsByDeployment,
  replicasOf,
  replicationControllerExpansion,
  type Scale,
  scaleKey,
  statefulSetExpansion,
  type TemplatePod,
} from "./controllers.ts"
import { dataVolumeClaim, ephemeralClaims } from "./claims.ts"
import { daemonPodNodes, daemonSetExpansion } from "./daemonSet.ts"
import { type CountedPod, disruptionBudgetOf } from "./disruptionBudgets.ts"
import { type Locate, under } from "./fieldErrors.ts"
import { admitInOrder, type KubeletPodFacts, type KubeletRejection, OS_LABEL } from "../KubeletAdmission.ts"
import { awaitsKubelet, controllerOf, podStatusOf, timesOf } from "./lifecycle.ts"
import { namespacesOf } from "./namespaces.ts"
import { isTopology, type NodesFile, nodesFromManifests, numaTopologies } from "./nodes.ts"
import { schedulingPodOf } from "./pod.ts"
import { withStatusResources } from "./statusResources.ts"
import { priorityClassesOf, type PriorityClasses, resolveNeverPreempts, resolvePriority, SYSTEM_PRIORITY_CLASSES } from "./priority.ts"
import { admitClaimLimitRanges, admitLimitRanges, limitRangesOf } from "./limitRange.ts"
import { admitRuntimeClass, runtimeClassesOf } from "./runtimeClass.ts"
import { serviceSelectorsOf } from "./services.ts"
import { type DecodedFile, decodeFile, keyOf, namespaceOfObject, rawOf, where } from "./source.ts"
import { BIND_COMPLETED_ANNOTATION, storageObjectsOf } from "./storage.ts"
import { syntheticUid } from "./templateHash.ts"
import { launcherPodOf } from "./virtLauncher.ts"

export { isTopology, NUMA_CELLS_ANNOTATION, type NodesFile, nodesFileFromText, nodesFromManifests, nodesFromText, numaTopologies } from "./nodes.ts"
export { priorityClassesOf, type PriorityClasses, SYSTEM_PRIORITY_CLASSES } from "./priority.ts"

/** A document read but not scheduled, or an object read with a caveat, and why. @since 0.1.0 @category model */
export interface WorkloadNote {
  readonly key: string
  readonly reason: string
}

/** The manifest a scheduled pod was made from (and, for a replica set of VMIs, which replica). @since 0.1.0 @category model */
export interface WorkloadOrigin {
  readonly manifest: Manifest
  readonly replica?: number
}

/**
 * What a pods file holds: pods to schedule in order, pods already bound (spec.nodeName), and the
 * other objects the scheduler reads, as a {@link ClusterObjects}.
 *
 * @since 0.1.0
 * @category model
 */
export interface Workload {
  readonly pending: ReadonlyArray<SchedulingPod>
  readonly bound: ReadonlyArray<Binding>
  /** Documents read but not scheduled (e.g. a halted VirtualMachine, a Succeeded pod), with why. */
  readonly skipped: ReadonlyArray<WorkloadNote>
  /** Objects read with a caveat (e.g. a PodDisruptionBudget that fails safe), with why. */
  readonly notes: ReadonlyArray<WorkloadNote>
  /** Pods naming their node that the node's kubelet refused (they end Failed and use nothing), in admission order; empty without the nodes. */
  readonly rejected: ReadonlyArray<KubeletRejection>
  readonly objects: ClusterObjects
  /** Where each pod comes from (`file: document d[, items[i]]`), by key. */
  readonly locations: ReadonlyMap<string, string>
  /** Each pod of `pending`, `bound` and `rejected` (by identity) with the manifest it came from, in reading order. */
  readonly origins: ReadonlyMap<SchedulingPod, WorkloadOrigin>
}

/** Options of {@link workloadFromText}. @since 0.1.0 @category model */
export interface WorkloadOptions {
  /** Schedule VirtualMachines whose runStrategy is not running as if started. */
  readonly startVms?: boolean
  /** Priority classes defined elsewhere (e.g. in the nodes file); the text's own are added. */
  readonly priorityClasses?: PriorityClasses
  /** CSINodes read with the nodes ({@link NodesFile}); one also in the text is bad input. */
  readonly csiNodes?: ReadonlyArray<Manifest>
  /**
   * The nodes, for the DaemonSets' pods (one per eligible node; without them a DaemonSet creates
   * none, with a note) and for the kubelets that admit the pods naming their node (without them
   * those pods stay bound unjudged).
   */
  readonly nodes?: ReadonlyArray<SchedulingNode>
}

const RUNNING = new Set(["Always", "RerunOnFailure", "Once"])

/** The label KubeVirt puts on a migration's target launcher pod (`virtv1.MigrationJobLabel`). */
const MIGRATION_JOB_LABEL = "kubevirt.io/migrationJobUID"

/** Kinds the workload reads besides the pod producers (the rest are listed as skipped). */
const READ_KINDS = new Set(["Service", "Namespace", "PodDisruptionBudget", "PriorityClass", "RuntimeClass", "LimitRange", "PersistentVolumeClaim", "PersistentVolume", "StorageClass", "CSINode", "CSIDriver", "CSIStorageCapacity", "VolumeAttachment"])

const kindOf = (m: Manifest): string => (m.kind === "Unknown" ? m.declaredKind : m.kind)

/** The annotation naming where a kubelet got a pod (`kubetypes.ConfigSourceAnnotationKey`); anything but "api" is a static pod. */
const CONFIG_SOURCE_ANNOTATION = "kubernetes.io/config.source"

/** What the kubelet reads of a pod beyond the scheduler's model: `spec.os.name`, the `kubernetes.io/os` label, whether it is static, a Strict supplemental-groups policy. */
const kubeletFactsOf = (spec: PodSpec, meta: { readonly labels?: Readonly<Record<string, string>> | undefined; readonly annotations?: Readonly<Record<string, string>> | undefined }): KubeletPodFacts => {
  const os = (spec.os as { readonly name?: unknown } | undefined)?.name
  const osLabel = meta.labels?.[OS_LABEL]
  const source = meta.annotations?.[CONFIG_SOURCE_ANNOTATION]
  const groups = (spec.securityContext as { readonly supplementalGroupsPolicy?: unknown } | undefined)?.supplementalGroupsPolicy
  return {
    ...(typeof os === "string" ? { os } : {}),
    ...(osLabel === undefined ? {} : { osLabel }),
    ...(source !== undefined && source !== "api" ? { static: true } : {}),
    ...(groups === "Strict" ? { strictSupplementalGroups: true } : {}),
  }
}

/** The pods the input holds, indexed by their controller. */
const existingPods = (pods: ReadonlyArray<ManifestOf<"Pod">>): ExistingPods => {
  const active = new Map<string, string[]>()
  const succeeded = new Map<string, number>()
  const names = new Set<string>()
  // read lazily: only StatefulSets ask, for their own members
  const states = new Map<string, ManifestOf<"Pod">>()
  for (const p of pods) {
    const namespace = namespaceOfObject(p)
    const name = p.metadata?.name ?? "<unnamed>"
    names.add(`${namespace}/${name}`)
    if (!states.has(`${namespace}/${name}`)) states.set(`${namespace}/${name}`, p)
    const owner = controllerOf(p.metadata, (path) => where(p, path))
    if (owner === undefined) continue
    const key = scaleKey(namespace, owner.kind, owner.name)
    const phase = podStatusOf(p.status, (path) => where(p, path)).phase
    if (phase === "Succeeded") succeeded.set(key, (succeeded.get(key) ?? 0) + 1)
    else if (phase !== "Failed" && p.metadata?.deletionTimestamp === undefined) {
      // pushed, not copied: a ReplicaSet of thousands of pods would make this quadratic
      const names = active.get(key)
      if (names === undefined) active.set(key, [name])
      else names.push(name)
    }
  }
  return {
    active: (ns, kind, name) => active.get(scaleKey(ns, kind, name)) ?? [],
    succeeded: (ns, kind, name) => succeeded.get(scaleKey(ns, kind, name)) ?? 0,
    has: (ns, name) => names.has(`${ns}/${name}`),
    state: (ns, name) => {
      const p = states.get(`${ns}/${name}`)
      if (p === undefined) return undefined
      const status = podStatusOf(p.status, (path) => where(p, path))
      return { ...(status.phase === undefined ? {} : { phase: status.phase }), ready: status.ready === true, terminating: p.metadata?.deletionTimestamp !== undefined }
    },
  }
}

/** Kinds an HPA's `scaleTargetRef` may name that the workload expands. */
const SCALABLE = new Set(["Deployment", "ReplicaSet", "StatefulSet", "ReplicationController", "VirtualMachineInstanceReplicaSet", "VirtualMachinePool"])

/**
 * What an HPA does at once whatever its metrics (the v1.35 controller's first checks): a target
 * with more replicas than `maxReplicas`, or fewer than `minReplicas` (default 1), is scaled to the
 * bound; a target at 0 replicas is left alone. `undefined` when the target is in range or not in
 * the input.
 */
const autoscalerChange = (hpa: ManifestOf<"HorizontalPodAutoscaler">, manifests: ReadonlyArray<Manifest>): string | undefined => {
  const ref = hpa.spec.scaleTargetRef
  const namespace = namespaceOfObject(hpa)
  const target = manifests.find((m) => m.kind === ref.kind && SCALABLE.has(m.kind) && m.metadata?.name === ref.name && namespaceOfObject(m) === namespace)
  if (target === undefined) return undefined
  const given = (target as { readonly spec?: { readonly replicas?: unknown } }).spec?.replicas
  const replicas = typeof given === "number" ? given : 1
  const min = hpa.spec.minReplicas ?? 1
  const scaled = (to: number, why: string) =>
    `not applied here: it would scale ${ref.kind} ${ref.name} from ${replicas} to ${to} replicas at once (${why}); its replicas are scheduled as written`
  if (replicas === 0 && min !== 0) return undefined
  if (replicas > hpa.spec.maxReplicas) return scaled(hpa.spec.maxReplicas, "Current number of replicas above Spec.MaxReplicas")
  if (replicas < min) return scaled(min, "Current number of replicas below Spec.MinReplicas")
  return undefined
}

/**
 * The workload of decoded files read together.
 *
 * @since 0.1.0
 * @category constructors
 */
export const workloadFromFiles = (files: ReadonlyArray<DecodedFile>, options: WorkloadOptions = {}): Workload => {
  const all = files.flatMap((f) => f.manifests.map((m) => ({ m, file: f })))
  const manifests = all.map((x) => x.m)
  const classes = priorityClassesOf(manifests, options.priorityClasses ?? { byName: SYSTEM_PRIORITY_CLASSES })
  const runtimeClasses = runtimeClassesOf(manifests)
  // the class's preemptionPolicy, as Priority admission writes it into the pod
  const withClassPolicy = (pod: SchedulingPod, spec: { readonly preemptionPolicy?: string | undefined; readonly priorityClassName?: string | undefined }, at: string): SchedulingPod =>
    pod.neverPreempts !== true && resolveNeverPreempts(spec, classes, at) ? { ...pod, neverPreempts: true } : pod
  const limitRanges = limitRangesOf(manifests)
  // admission as the API server runs it on a pod being created: LimitRanger, then RuntimeClass
  const admit = (spec: PodSpec, namespace: string, name: string, at: string, locate: Locate, exists: boolean): PodSpec =>
    admitRuntimeClass(admitLimitRanges(spec, limitRanges.get(namespace) ?? [], name, at, exists), runtimeClasses, locate, exists)
  const raw = (x: { m: Manifest; file: DecodedFile }) => rawOf(x.file.raws(), x.m)
  const explicitPods = manifests.filter((m): m is ManifestOf<"Pod"> => m.kind === "Pod")
  const existing = existingPods(explicitPods)
  const ownedReplicaSets = replicaSetsByDeployment(manifests)
  const replicaSetNames = new Set(manifests.filter((m) => m.kind === "ReplicaSet").map((m) => keyOf(m)))
  const observedHashes = observedTemplateHashes(
    explicitPods.flatMap((p) => {
      const locate = (path: string) => where(p, path)
      const phase = podStatusOf(p.status, locate).phase
      const controller = controllerOf(p.metadata, locate)
      const namespace = namespaceOfObject(p)
      // finished pods reveal nothing; a ReplicaSet in the input speaks for itself
      if (phase === "Succeeded" || phase === "Failed" || controller === undefined || replicaSetNames.has(`${namespace}/${controller.name}`)) return []
      return [{ namespace, labels: p.metadata?.labels ?? {}, controller }]
    }),
    new Set(manifests.filter((m) => m.kind === "Deployment").map((m) => keyOf(m))),
  )
  const vmiNames = new Set(manifests.filter((m) => m.kind === "VirtualMachineInstance").map((m) => keyOf(m)))
  // a running VM without its VMI in the input (kubectl get vm,pods) has its VMI modelled from the
  // VM: that VMI, too, stands for the launcher pod
  const runningVmNames = new Set(
    manifests
      .filter((m): m is ManifestOf<"VirtualMachine"> => m.kind === "VirtualMachine" && (m.spec.running === true || RUNNING.has(m.spec.runStrategy ?? "")))
      .map((m) => keyOf(m)),
  )
  // A VMI in the input stands for its virt-launcher pod (the unit operations reason about: it
  // live-migrates). When the dump has the launcher too, the launcher is what kube-scheduler
  // accounts: the VMI's scheduling pod is read from it (its real requests, labels and affinity),
  // keyed by the VMI, and bound where it runs.
  // During a live migration the VMI has two launcher pods: the source, on the VMI's node, stands
  // for it; the target (KubeVirt labels it with the migration's uid) is a pod of its own that
  // holds its requests on the target node (or waits to be scheduled there).
  const vmiNodeNames = new Map<string, string>()
  for (const m of manifests) {
    const node = m.kind === "VirtualMachineInstance" ? m.status?.["nodeName"] : undefined
    if (typeof node === "string" && node !== "") vmiNodeNames.set(keyOf(m), node)
  }
  const launchers = new Map<string, ManifestOf<"Pod">>()
  const rank = (p: ManifestOf<"Pod">, key: string): number =>
    (p.spec.nodeName !== undefined && p.spec.nodeName === vmiNodeNames.get(key) ? 2 : 0) + (p.metadata?.labels?.[MIGRATION_JOB_LABEL] === undefined ? 1 : 0)
  for (const p of explicitPods) {
    const owner = controllerOf(p.metadata, (path) => where(p, path))
    if (owner?.kind !== "VirtualMachineInstance") continue
    const phase = podStatusOf(p.status, (path) => where(p, path)).phase
    if (phase === "Succeeded" || phase === "Failed") continue
    const key = `${namespaceOfObject(p)}/${owner.name}`
    const first = launchers.get(key)
    if (first === undefined || rank(p, key) > rank(first, key)) launchers.set(key, p)
  }
  const claimNames = new Set(manifests.filter((m) => m.kind === "PersistentVolumeClaim").map((m) => keyOf(m)))
  // the nodes each DaemonSet already has a pod on (bound there, or pinned there by its controller)
  const daemonNodes = new Map<string, Set<string>>()
  for (const p of explicitPods) {
    const owner = controllerOf(p.metadata, (path) => where(p, path))
    if (owner?.kind !== "DaemonSet") continue
    const phase = podStatusOf(p.status, (path) => where(p, path)).phase
    if (phase === "Succeeded" || phase === "Failed" || (p.metadata?.deletionTimestamp !== undefined && (p.spec.nodeName ?? "") === "")) continue
    const key = `${namespaceOfObject(p)}/${owner.name}`
    const on = daemonNodes.get(key) ?? new Set<string>()
    for (const n of daemonPodNodes(p.spec)) on.add(n)
    daemonNodes.set(key, on)
  }

  const pending: SchedulingPod[] = []
  const bound: Binding[] = []
  const skipped: WorkloadNote[] = []
  const notes: WorkloadNote[] = []
  const locations = new Map<string, string>()
  const origins = new Map<SchedulingPod, WorkloadOrigin>()
  const healthy = new Map<string, boolean>()
  const controllers: ControllerSelector[] = []
  const scales: Scale[] = []
  const claims: Manifest[] = []
  const addClaim = (claim: Manifest | undefined) => {
    if (claim === undefined || claimNames.has(keyOf(claim))) return
    claimNames.add(keyOf(claim))
    claims.push(claim)
  }

  // pods naming their node that the kubelet has not admitted yet, with what it reads of them
  const arriving = new Map<SchedulingPod, KubeletPodFacts>()
  const place = (pod: SchedulingPod, node: string | undefined, at: string, ready: boolean | undefined, origin: WorkloadOrigin) => {
    origins.set(pod, origin)
    const first = locations.get(pod.key)
    if (first !== undefined) throw new SchedulerInputError(at, `pod ${pod.key} is defined twice (first at ${first})`)
    locations.set(pod.key, at)
    if (node !== undefined) bound.push({ pod, node })
    else pending.push(pod)
    healthy.set(pod.key, node !== undefined && pod.terminating !== true && ready !== false)
  }
  // The last replica made: the next one of the same template (same admitted spec, labels, owner
  // and priority) differs only in its name, so it shares the first one's objects, which the hot
  // path recognises (a replica placed from its template's compiled form).
  let lastReplica: { readonly spec: PodSpec; readonly t: TemplatePod; readonly priority: number; readonly pod: SchedulingPod } | undefined
  const addTemplatePod = (t: TemplatePod, at: Manifest) => {
    const priority = resolvePriority(t.spec, classes, t.priorityAt)
    // a controller's pods are created now: RuntimeClass admission runs on each
    const spec = admit(t.spec, t.namespace, t.name, where(at, ""), t.locate, false)
    const last = lastReplica
    const pod =
      last !== undefined &&
      last.spec === spec &&
      last.priority === priority &&
      last.t.namespace === t.namespace &&
      last.t.labels === t.labels &&
      last.t.controller === t.controller &&
      last.t.priorityAt === t.priorityAt
        ? { ...last.pod, key: `${t.namespace}/${t.name}` }
        : withClassPolicy(schedulingPodOf({ namespace: t.namespace, name: t.name, labels: t.labels, controller: t.controller, priority }, spec, t.locate), t.spec, t.priorityAt)
    lastReplica = { spec, t, priority, pod }
    // a pod its controller creates only after others (a StatefulSet's OrderedReady ordinals)
    const made = t.createdAfter === undefined ? pod : { ...pod, createdAfter: t.createdAfter }
    place(made, made.nodeName, where(at, ""), undefined, { manifest: at })
    // created now: a template naming a node sends each pod straight to that node's kubelet
    if (made.nodeName !== undefined) arriving.set(made, kubeletFactsOf(t.spec, { labels: t.labels }))
  }
  const expand = (e: Expansion, at: Manifest) => {
    for (const p of e.pods) addTemplatePod(p, at)
    controllers.push(...e.controllers)
    scales.push(...e.scales)
    for (const c of e.claims) addClaim(c)
    skipped.push(...e.notes)
  }
  const addVmi = (
    m: ManifestOf<"VirtualMachineInstance"> | ManifestOf<"VirtualMachine">,
    x: { m: Manifest; file: DecodedFile },
    identity: { name: string; uid: string; labels: Readonly<Record<string, string>> },
    node: string | undefined,
  ) => {
    const locate = (p: string) => where(m, p)
    const launcher = launchers.get(`${namespaceOfObject(m)}/${identity.name}`)
    if (launcher !== undefined) {
      const at = (path: string) => where(launcher, path)
      const launcherNode = launcher.spec.nodeName === undefined || launcher.spec.nodeName === "" ? undefined : launcher.spec.nodeName
      const controller = controllerOf(launcher.metadata, at)
      const pod = schedulingPodOf(
        {
          namespace: namespaceOfObject(m),
          name: identity.name,
          labels: launcher.metadata?.labels ?? {},
          ...(controller === undefined ? {} : { controller }),
          priority: resolvePriority(launcher.spec, classes, at("spec.priorityClassName")),
          ...timesOf(launcher.metadata, at),
        },
        launcher.spec,
        under(at, "spec"),
      )
      place(withClassPolicy(pod, launcher.spec, at("spec.priorityClassName")), node ?? launcherNode, where(m, ""), podStatusOf(launcher.status, at).ready, { manifest: m })
      return
    }
    const isVm = m.kind === "VirtualMachine"
    const spec = m.kind === "VirtualMachine" ? m.spec.template.spec : m.spec
    const prefix = isVm ? "spec.template.spec" : "spec"
    const times = isVm ? { terminating: false } : timesOf(m.metadata, locate)
    const pod = launcherPodOf({
      namespace: namespaceOfObject(m),
      ...identity,
      spec,
      raw: raw(x),
      file: x.file.file,
      locate: under(locate, prefix),
      locateDocument: locate,
      priority: resolvePriority(spec, classes, locate(`${prefix}.priorityClassName`)),
      ...times,
    })
    // the launcher pod carries the VMI's priorityClassName, so its class's preemptionPolicy
    place(withClassPolicy(pod, { priorityClassName: spec.priorityClassName }, locate(`${prefix}.priorityClassName`)), node, where(m, ""), undefined, { manifest: m })
  }
  // A VMI replica set's (or a running VM pool's) replicas: one launcher pod each, `<name>-<i>`,
  // stamped from the template as the controllers stamp VMIs.
  const addReplicaLaunchers = (m: ManifestOf<"VirtualMachineInstanceReplicaSet"> | ManifestOf<"VirtualMachinePool">, x: { m: Manifest; file: DecodedFile }) => {
    const pool = m.kind === "VirtualMachinePool"
    const vm = pool ? m.spec.virtualMachineTemplate.spec : undefined
    if (vm !== undefined && !(vm.running === true || RUNNING.has(vm.runStrategy ?? "")) && options.startVms !== true) {
      skipped.push({ key: keyOf(m), reason: `VirtualMachinePool's VMs are not running (runStrategy ${vm.runStrategy ?? "unset"}): no VMI to schedule` })
      return
    }
    const template = vm === undefined ? (m as ManifestOf<"VirtualMachineInstanceReplicaSet">).spec.template : vm.template
    const prefix = pool ? "spec.virtualMachineTemplate.spec.template.spec" : "spec.template.spec"
    const rawDoc = raw(x) as { spec?: { template?: { spec?: unknown }; virtualMachineTemplate?: { spec?: { template?: { spec?: unknown } } } } }
    const rawSpec = pool ? rawDoc.spec?.virtualMachineTemplate?.spec?.template?.spec : rawDoc.spec?.template?.spec
    const namespace = namespaceOfObject(m)
    const locate = (p: string) => where(m, p)
    const replicas = replicasOf(m.spec.replicas, locate("spec.replicas"))
    for (let i = 0; i < replicas; i++) {
      const name = `${m.metadata?.name ?? "<unnamed>"}-${i}`
      const pod = launcherPodOf({
        namespace,
        name,
        uid: syntheticUid("VirtualMachineInstance", namespace, name),
        labels: template.metadata?.labels ?? {},
        spec: template.spec,
        raw: { apiVersion: "kubevirt.io/v1", kind: "VirtualMachineInstance", metadata: { name, namespace }, spec: rawSpec },
        file: x.file.file,
        locate: under(locate, prefix),
        locateDocument: (p: string) => locate(p === "" ? prefix : `${prefix}.${p.replace(/^spec\.?/, "")}`),
        priority: resolvePriority(template.spec, classes, locate(`${prefix}.priorityClassName`)),
        terminating: false,
      })
      place(withClassPolicy(pod, { priorityClassName: template.spec.priorityClassName }, locate(`${prefix}.priorityClassName`)), undefined, where(m, ""), undefined, { manifest: m, replica: i })
    }
  }

  for (const x of all) {
    const m = x.m
    const locate = (p: string) => where(m, p)
    switch (m.kind) {
      case "Pod": {
        const key = keyOf(m)
        const status = podStatusOf(m.status, locate)
        const times = timesOf(m.metadata, locate)
        if (status.phase === "Succeeded" || status.phase === "Failed") {
          skipped.push({ key, reason: `Pod is ${status.phase}: it no longer runs and uses nothing (kube-scheduler's cache drops it)` })
          break
        }
        const nodeName = m.spec.nodeName === "" ? undefined : m.spec.nodeName
        if (times.terminating && nodeName === undefined) {
          skipped.push({ key, reason: "Pod is being deleted (metadata.deletionTimestamp) and not bound: kube-scheduler does not schedule it" })
          break
        }
        const controller = controllerOf(m.metadata, locate)
        const ownerKey = `${namespaceOfObject(m)}/${controller?.name ?? ""}`
        if (controller?.kind === "VirtualMachineInstance" && (vmiNames.has(ownerKey) || runningVmNames.has(ownerKey)) && launchers.get(ownerKey) === m) {
          const via = vmiNames.has(ownerKey) ? "which is in the input" : `modelled from its running VirtualMachine ${controller.name}`
          skipped.push({ key, reason: `Pod: the virt-launcher pod of VirtualMachineInstance ${controller.name}, ${via} and standing for it` })
          break
        }
        const identity = {
          namespace: namespaceOfObject(m),
          name: m.metadata?.name ?? "<unnamed>",
          labels: m.metadata?.labels ?? {},
          ...(controller === undefined ? {} : { controller }),
          priority: resolvePriority(m.spec, classes, locate("spec.priorityClassName")),
          ...times,
          ...(status.startTime === undefined ? {} : { startTime: status.startTime }),
        }
        // a pod that exists (with a status or uid, as kubectl dumps it) was admitted already; one
        // naming its node without either is being created and sent straight to that node's kubelet
        const exists = m.status !== undefined || m.metadata?.uid !== undefined
        const spec = admit(m.spec, identity.namespace, identity.name, where(m, ""), under(locate, "spec"), exists)
        const admitted = withClassPolicy(schedulingPodOf(identity, spec, under(locate, "spec")), m.spec, locate("spec.priorityClassName"))
        // a pending pod's nomination (an earlier preemption's) is where kube-scheduler looks first;
        // a bound pod counts what its status says of a resize in flight
        const pod =
          nodeName === undefined
            ? status.nominatedNodeName !== undefined
              ? { ...admitted, nominatedNodeName: status.nominatedNodeName }
              : admitted
            : withStatusResources(admitted, m.status, locate)
        place(pod, nodeName, where(m, ""), status.ready, { manifest: m })
        if (nodeName !== undefined && !times.terminating && awaitsKubelet(status, m.status !== undefined)) arriving.set(pod, kubeletFactsOf(spec, m.metadata ?? {}))
        break
      }
      case "Deployment":
        expand(deploymentPods(m, ownedReplicaSets.get(keyOf(m)) ?? [], existing, observedHashes.get(keyOf(m))), m)
        break
      case "ReplicaSet":
        expand(replicaSetExpansion(m, existing), m)
        break
      case "ReplicationController":
        expand(replicationControllerExpansion(m, existing), m)
        break
      case "StatefulSet":
        expand(statefulSetExpansion(m, existing, (ns, name) => claimNames.has(`${ns}/${name}`)), m)
        break
      case "Job":
        expand(jobExpansion(m, existing), m)
        break
      case "DaemonSet":
        expand(daemonSetExpansion(m, options.nodes, existing, daemonNodes.get(keyOf(m)) ?? new Set()), m)
        break
      case "VirtualMachineInstance": {
        const namespace = namespaceOfObject(m)
        const name = m.metadata?.name ?? "<unnamed>"
        const key = `${namespace}/${name}`
        const status = m.status ?? {}
        const phase = status["phase"]
        if (phase === "Succeeded" || phase === "Failed") {
          skipped.push({ key, reason: `VirtualMachineInstance is ${phase}: its launcher pod no longer runs` })
          break
        }
        const launcherAt = launchers.get(key)?.spec.nodeName
        const nodeName = typeof status["nodeName"] === "string" && status["nodeName"] !== "" ? (status["nodeName"] as string) : launcherAt === "" ? undefined : launcherAt
        if (m.metadata?.deletionTimestamp !== undefined && nodeName === undefined) {
          skipped.push({ key, reason: "VirtualMachineInstance is being deleted and not bound: no launcher pod to schedule" })
          break
        }
        addVmi(m, x, { name, uid: m.metadata?.uid ?? syntheticUid("VirtualMachineInstance", namespace, name), labels: m.metadata?.labels ?? {} }, nodeName)
        break
      }
      case "VirtualMachine": {
        const key = keyOf(m)
        if (vmiNames.has(key)) {
          skipped.push({ key, reason: "VirtualMachine: its VirtualMachineInstance in the input stands for it" })
          break
        }
        const running = m.spec.running === true || RUNNING.has(m.spec.runStrategy ?? "")
        if (!running && options.startVms !== true) {
          skipped.push({ key, reason: `VirtualMachine is not running (runStrategy ${m.spec.runStrategy ?? "unset"}): no VMI to schedule` })
          break
        }
        const namespace = namespaceOfObject(m)
        const name = m.metadata?.name ?? "<unnamed>"
        // the VM controller creates its DataVolumes, CDI their claims
        ;(m.spec.dataVolumeTemplates ?? []).forEach((dv, i) => addClaim(dataVolumeClaim(dv, namespace, m.source, under(locate, `spec.dataVolumeTemplates[${i}]`))))
        addVmi(m, x, { name, uid: syntheticUid("VirtualMachineInstance", namespace, name), labels: m.spec.template.metadata?.labels ?? {} }, undefined)
        break
      }
      case "VirtualMachineInstanceReplicaSet":
      case "VirtualMachinePool":
        addReplicaLaunchers(m, x)
        break
      case "HorizontalPodAutoscaler": {
        const change = autoscalerChange(m, manifests)
        skipped.push({ key: keyOf(m), reason: change === undefined ? "HorizontalPodAutoscaler is not scheduled directly" : `HorizontalPodAutoscaler: ${change}` })
        break
      }
      case "VirtualMachineInstanceMigration": {
        const phase = m.status?.["phase"]
        const done = phase === "Succeeded" || phase === "Failed"
        skipped.push({
          key: keyOf(m),
          reason: done
            ? "VirtualMachineInstanceMigration is not scheduled directly"
            : `VirtualMachineInstanceMigration of ${m.spec.vmiName} (phase ${typeof phase === "string" ? phase : "unset"}): its target virt-launcher pod is read when the input holds it, not created here (\`catcluster drain\` models live migration)`,
        })
        break
      }
      case "Unknown":
        if (m.declaredKind === "DataVolume") addClaim(dataVolumeClaim(m.raw, namespaceOfObject(m), m.source, locate))
        else if (!READ_KINDS.has(m.declaredKind)) skipped.push({ key: keyOf(m), reason: `${m.declaredKind} is not scheduled directly` })
        break
      default:
        if (!READ_KINDS.has(kindOf(m))) skipped.push({ key: keyOf(m), reason: `${kindOf(m)} is not scheduled directly` })
    }
  }

  // the kubelets admit the pods sent to them, before anything counts them
  const rejected: KubeletRejection[] = []
  if (options.nodes !== undefined && arriving.size > 0) {
    const judged = bound.filter((b) => arriving.has(b.pod))
    const byTime = judged.every((b) => b.pod.creationTimestamp !== undefined)
    // stable: equal times keep the input order
    if (byTime) judged.sort((a, b) => (a.pod.creationTimestamp ?? 0) - (b.pod.creationTimestamp ?? 0))
    const result = admitInOrder(options.nodes, bound.filter((b) => !arriving.has(b.pod)), judged, { facts: (p) => arriving.get(p) })
    if (result.rejected.length > 0) {
      rejected.push(...result.rejected)
      const out = new Set(result.rejected.map((r) => r.pod))
      const kept = bound.filter((b) => !out.has(b.pod))
      bound.length = 0
      bound.push(...kept)
    }
  }

  // PodDisruptionBudgets, against every pod read
  const scaleMap = new Map<string, Scale>(scales.map((s) => [s.key, s]))
  const resolve = (key: string, depth = 0): { key: string; replicas: number } | undefined => {
    const s = scaleMap.get(key)
    if (s === undefined || depth > 2) return undefined
    return "replicas" in s ? { key: s.key, replicas: s.replicas } : resolve(s.sameAs, depth + 1)
  }
  const counted: CountedPod[] = [...pending, ...bound.map((b) => b.pod)].map((pod) => ({ pod, healthy: healthy.get(pod.key) === true }))
  const disruptionBudgets = manifests
    .filter((m): m is ManifestOf<"PodDisruptionBudget"> => m.kind === "PodDisruptionBudget")
    .map((m) => {
      const r = disruptionBudgetOf(m, counted, (ns, kind, name) => resolve(scaleKey(ns, kind, name)))
      if (r.note !== undefined) notes.push({ key: keyOf(m), reason: `PodDisruptionBudget: ${r.note}` })
      return r.budget
    })

  const namespaces = namespacesOf(
    manifests.filter((m): m is ManifestOf<"Namespace"> => m.kind === "Namespace"),
    [...counted.map((c) => namespaceOf(c.pod)), ...rejected.map((r) => namespaceOf(r.pod))],
  )
  // the ephemeral volume controller creates each pod's generic ephemeral claims (before the pod
  // can be scheduled); a claim the input already holds is the one read
  for (const pod of [...pending, ...bound.map((b) => b.pod)]) {
    const origin = origins.get(pod)
    if (origin === undefined || !(pod.volumes ?? []).some((v) => v.source.type === "ephemeral")) continue
    const m = origin.manifest
    const spec = m.kind === "Pod" ? "spec" : "spec.template.spec"
    for (const c of ephemeralClaims(pod, m.source, (i) => where(m, `${spec}.volumes[${i}]`))) addClaim(c)
  }
  // validation (storageObjectsOf) runs before validating admission, as in the API server
  const storage = storageObjectsOf([...(options.csiNodes ?? []), ...manifests, ...claims])
  // LimitRanger on the claims being created: the input's own, unless they exist (bound by the PV
  // controller, or with a status or uid, as kubectl dumps them), and every claim a controller makes
  const created = new Set(claims)
  for (const c of [...manifests, ...claims]) {
    if (c.kind !== "PersistentVolumeClaim") continue
    const exists = created.has(c)
      ? false
      : c.status !== undefined || c.metadata?.uid !== undefined || Object.hasOwn(c.metadata?.annotations ?? {}, BIND_COMPLETED_ANNOTATION)
    admitClaimLimitRanges(c.spec.resources?.requests, limitRanges.get(namespaceOfObject(c)) ?? [], c.metadata?.name ?? "<unnamed>", where(c, ""), exists)
  }
  const objects: ClusterObjects = {
    namespaces,
    services: serviceSelectorsOf(manifests.filter((m): m is ManifestOf<"Service"> => m.kind === "Service")),
    controllers,
    disruptionBudgets,
    storage,
  }
  return { pending, bound, skipped, notes, rejected, objects, locations, origins }
}

/**
 * The workload in a pods file (see the module's description).
 *
 * @since 0.1.0
 * @category constructors
 */
export const workloadFromText = (text: string, file: string, options: WorkloadOptions = {}): Workload =>
  workloadFromFiles([decodeFile(text, file)], options)

/**
 * The cluster snapshot of nodes and a workload: the bindings and every object. A pod bound to a
 * node that is not among the nodes is bad input, named with where the pod is.
 *
 * @since 0.1.0
 * @category constructors
 */
export const clusterSnapshotOf = (nodes: ReadonlyArray<SchedulingNode>, workload: Workload): ClusterSnapshot => {
  const names = new Set(nodes.map((n) => n.name))
  for (const b of workload.bound) {
    if (!names.has(b.node)) {
      throw new SchedulerInputError(workload.locations.get(b.pod.key) ?? "", `pod ${b.pod.key} is bound to node ${b.node}, which is not among the nodes`)
    }
  }
  return { nodes, bound: workload.bound, ...workload.objects }
}

/** A cluster snapshot's inputs read from model files that mix nodes and workloads. @since 0.1.0 @category model */
export interface ModelInput {
  readonly nodes: ReadonlyArray<SchedulingNode>
  readonly workload: Workload
  /** Nodes, bindings and objects together. */
  readonly cluster: ClusterSnapshot
}

/**
 * Nodes (with NodeResourceTopology NUMA cells) and the workload from files that may mix
 * everything, as the main job reads a model: every object applies across files.
 *
 * @since 0.1.0
 * @category constructors
 */
export const modelFromFiles = (files: ReadonlyArray<{ readonly file: string; readonly text: string }>, options: WorkloadOptions = {}): ModelInput =>
  modelOf(files.map((f) => decodeFile(f.text, f.file)), options)

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
): ModelInput => modelOf(decoded.map((d) => ({ file: d.file, manifests: d.manifests, raws: () => d.raws })), options)

const modelOf = (decoded: ReadonlyArray<DecodedFile>, options: WorkloadOptions): ModelInput => {
  const isNodeSide = (m: Manifest) => m.kind === "Node" || isTopology(m)
  const topologies = new Map<string, ReadonlyArray<NumaCell>>()
  for (const d of decoded) for (const [k, v] of numaTopologies(d.manifests.filter(isTopology))) topologies.set(k, v)
  const nodes = nodesFromManifests(decoded.flatMap((d) => d.manifests.filter((m) => m.kind === "Node")), topologies)
  const workload = workloadFromFiles(
    decoded.map((d) => ({ ...d, manifests: d.manifests.filter((m) => !isNodeSide(m)) })),
    // a file without nodes (a capacity template) has no node to put a daemon pod on: said as such
    { ...options, ...(nodes.length > 0 ? { nodes } : {}) },
  )
  return { nodes, workload, cluster: clusterSnapshotOf(nodes, workload) }
}
