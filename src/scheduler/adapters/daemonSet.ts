/**
 * A DaemonSet expanded into the pods its controller creates (kube-controller-manager v1.35,
 * `pkg/controller/daemon`):
 *
 * - a node should run the daemon pod when the template's `nodeName` (if any) is that node, its
 *   required node affinity and `nodeSelector` match the node, and every NoSchedule / NoExecute
 *   taint is tolerated, counting the tolerations the controller adds (`NodeShouldRunDaemonPod`);
 *   resources are not checked there: a pod that does not fit stays pending, as kube-scheduler
 *   leaves it;
 * - each pod gets the tolerations every daemon pod has (not-ready and unreachable NoExecute;
 *   disk-, memory-, pid-pressure and unschedulable NoSchedule; network-unavailable NoSchedule with
 *   `hostNetwork`), the labels `controller-revision-hash` and `pod-template-generation`, and its
 *   required node affinity replaced by one term `metadata.name In [node]`, which pins it
 *   (`ReplaceDaemonSetPodNodeNameNodeAffinity`); kube-scheduler still runs every filter on it;
 * - nodes that already have one of its pods in the input (bound there, or pinned there by that
 *   term) get no other.
 *
 * A DaemonSet has no scale: PodTopologySpread's default selector and PodDisruptionBudgets'
 * expected counts do not read it, as upstream.
 *
 * @since 0.1.0
 */
import type { PodSpec, Toleration } from "../../domain/manifest/codecs/pod.ts"
import type { ManifestOf } from "../../domain/manifest/Manifest.ts"
import type { SchedulingNode } from "../model/SchedulingNode.ts"
import type { PodController } from "../model/SchedulingPod.ts"
import { nodeAffinityFilter } from "../plugins/NodeAffinity.ts"
import { taintTolerationFilter } from "../plugins/TaintToleration.ts"
import { appsSelector, controllerNameOf, EMPTY_EXPANSION, type ExistingPods, type Expansion, freshNames, type TemplatePod } from "./controllers.ts"
import { under } from "./fieldErrors.ts"
import { schedulingPodOf } from "./pod.ts"
import { namespaceOfObject, where } from "./source.ts"
import { podTemplateHash } from "./templateHash.ts"

/** Label keys the DaemonSet controller sets on its pods (v1.35). @since 0.1.0 @category constants */
export const DAEMON_LABELS = {
  controllerRevisionHash: "controller-revision-hash",
  templateGeneration: "pod-template-generation",
} as const

const exists = (key: string, effect: "NoSchedule" | "NoExecute"): Toleration => ({ key, operator: "Exists", effect })

/** The tolerations every daemon pod gets (`AddOrUpdateDaemonPodTolerations`). */
const daemonTolerations = (hostNetwork: boolean): ReadonlyArray<Toleration> => [
  exists("node.kubernetes.io/not-ready", "NoExecute"),
  exists("node.kubernetes.io/unreachable", "NoExecute"),
  exists("node.kubernetes.io/disk-pressure", "NoSchedule"),
  exists("node.kubernetes.io/memory-pressure", "NoSchedule"),
  exists("node.kubernetes.io/pid-pressure", "NoSchedule"),
  exists("node.kubernetes.io/unschedulable", "NoSchedule"),
  ...(hostNetwork ? [exists("node.kubernetes.io/network-unavailable", "NoSchedule")] : []),
]

// MatchToleration: key, operator (empty = Equal), value and effect; tolerationSeconds aside
const sameToleration = (a: Toleration, b: Toleration): boolean =>
  (a.key ?? "") === (b.key ?? "") &&
  (a.operator ?? "Equal") === (b.operator ?? "Equal") &&
  (a.value ?? "") === (b.value ?? "") &&
  (a.effect ?? "") === (b.effect ?? "")

/**
 * The template's spec with the daemon tolerations added or updated (`AddOrUpdateTolerationInPodSpec`:
 * a toleration the same but for `tolerationSeconds` is replaced).
 *
 * @since 0.1.0
 * @category constructors
 */
export const withDaemonTolerations = (spec: PodSpec): PodSpec => {
  let tolerations: ReadonlyArray<Toleration> = spec.tolerations ?? []
  for (const added of daemonTolerations(spec.hostNetwork === true)) {
    tolerations = [...tolerations.filter((t) => !sameToleration(t, added)), added]
  }
  return { ...spec, tolerations: [...tolerations] }
}

/**
 * The spec of the daemon pod for `node`: its required node affinity is one term naming the node.
 *
 * @since 0.1.0
 * @category constructors
 */
export const pinnedToNode = (spec: PodSpec, node: string): PodSpec => {
  const affinity = spec.affinity ?? {}
  const nodeAffinity = affinity.nodeAffinity ?? {}
  const term = { matchExpressions: [], matchFields: [{ key: "metadata.name", operator: "In" as const, values: [node] }] }
  return {
    ...spec,
    affinity: { ...affinity, nodeAffinity: { ...nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } } },
  }
}

/**
 * The nodes a daemon pod's spec pins it to: its `nodeName`, else the values of a single required
 * term's `metadata.name In` (how the controller writes it); empty when it is pinned nowhere.
 *
 * @since 0.1.0
 * @category destructors
 */
export const daemonPodNodes = (spec: PodSpec): ReadonlyArray<string> => {
  if (spec.nodeName !== undefined && spec.nodeName !== "") return [spec.nodeName]
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []
  if (terms.length !== 1) return []
  return (terms[0]?.matchFields ?? []).filter((r) => r.key === "metadata.name" && r.operator === "In").flatMap((r) => r.values ?? [])
}

/**
 * A DaemonSet's pods: one for each of `nodes` that should run it and has none of its pods yet
 * (`covered`: node names). `nodes` undefined (a workload read without nodes) creates none, with a
 * note.
 *
 * @since 0.1.0
 * @category constructors
 */
export const daemonSetExpansion = (
  ds: ManifestOf<"DaemonSet">,
  nodes: ReadonlyArray<SchedulingNode> | undefined,
  existing: ExistingPods,
  covered: ReadonlySet<string>,
): Expansion => {
  const locate = (p: string) => where(ds, p)
  const namespace = namespaceOfObject(ds)
  const name = controllerNameOf(ds, locate("metadata.name"))
  const key = `${namespace}/${name}`
  appsSelector(ds.spec.selector, ds.spec.template, "daemonset", locate)
  if (nodes === undefined) return { ...EMPTY_EXPANSION, notes: [{ key, reason: "DaemonSet read without nodes: its pods (one per eligible node) are not modelled" }] }
  const specLocate = under(locate, "spec.template.spec")
  const spec = withDaemonTolerations(ds.spec.template.spec)
  const labels = {
    ...(ds.spec.template.metadata?.labels ?? {}),
    [DAEMON_LABELS.controllerRevisionHash]: podTemplateHash(ds.spec.template),
    [DAEMON_LABELS.templateGeneration]: String(ds.metadata?.generation ?? 1),
  }
  const controller: PodController = { apiVersion: "apps/v1", kind: "DaemonSet", name }
  // the node predicates the controller runs, on the template with the daemon tolerations
  const probe = schedulingPodOf({ namespace, name, labels, controller, priority: 0 }, spec, specLocate)
  const wanted = nodes.filter(
    (n) =>
      (probe.nodeName === undefined || probe.nodeName === n.name) &&
      nodeAffinityFilter(probe, n).code === "Success" &&
      taintTolerationFilter(probe, n).code === "Success",
  )
  const missing = wanted.filter((n) => !covered.has(n.name))
  const names = freshNames(existing, namespace, name, missing.length)
  const pods = missing.map(
    (n, i): TemplatePod => ({
      namespace,
      name: names[i] as string,
      labels,
      controller,
      spec: pinnedToNode(spec, n.name),
      locate: specLocate,
      priorityAt: locate("spec.template.spec.priorityClassName"),
    }),
  )
  const notes = wanted.length === 0 ? [{ key, reason: "DaemonSet: no node should run it (nodeName, nodeSelector, node affinity, NoSchedule / NoExecute taints): it runs no pods" }] : []
  return { ...EMPTY_EXPANSION, pods, notes }
}
