/**
 * The kubelet's admission of a pod that names its node (`spec.nodeName`, so kube-scheduler never
 * sees it), as the v1.35 kubelet's predicate admit handler (`pkg/kubelet/lifecycle/predicate.go`)
 * decides it against the pods already running there. Checks, in upstream's order; the first
 * failure is the pod's reason:
 *
 * 1. the pod's `kubernetes.io/os` *label* against the node's OS (`PodOSSelectorNodeLabelDoesNotMatch`),
 *    then `spec.os.name` (`PodOSNotSupported`), then `supplementalGroupsPolicy: Strict` on a node
 *    whose `status.features` does not report it (`SupplementalGroupsPolicyNotSupported`);
 * 2. `GeneralPredicates`: NodeResourcesFit's `fitsRequest` (pods count first, then cpu, memory,
 *    ephemeral-storage, then scalar resources in name order), after dropping the requests of
 *    extended resources the node does not list at all (upstream's
 *    `removeMissingExtendedResources`): `OutOfpods`, `OutOfcpu`, `OutOf<resource>` with
 *    "Node didn't have enough resource: <r>, requested: <n>, used: <n>, capacity: <n>"; then
 *    node selector / required node affinity (`NodeAffinity`), node name (always the pod's own
 *    node here), host ports (`NodePorts`), each "Predicate <plugin> failed: <reason>";
 * 3. an untolerated `NoExecute` taint (`TaintToleration`), not checked for static pods.
 *
 * A rejected pod ends `phase: Failed` with that reason and the message "Pod was rejected: …"; it
 * uses nothing on the node. Pods are admitted one at a time, each against the running pods plus
 * those admitted before it ({@link admitInOrder}).
 *
 * @since 0.1.0
 */
import type { Binding } from "./model/ClusterSnapshot.ts"
import { assignedPodRequests, podRequests } from "./model/Requests.ts"
import { isExtendedResource, PODS, type ResourceAmounts } from "./model/Resources.ts"
import type { SchedulingNode } from "./model/SchedulingNode.ts"
import type { SchedulingPod } from "./model/SchedulingPod.ts"
import { nodeAffinityFilter, REASON_NODE_AFFINITY } from "./plugins/NodeAffinity.ts"
import { REASON_NODE_NAME } from "./plugins/NodeName.ts"
import { fitsPorts, hostPortsOf, REASON_NODE_PORTS, usedHostPorts } from "./plugins/NodePorts.ts"
import { insufficientResources } from "./plugins/NodeResourcesFit.ts"
import { REASON_UNTOLERATED_TAINT, toleratesTaint } from "./plugins/TaintToleration.ts"

/** What the kubelet reads of a pod beyond the scheduler's model. @since 0.1.0 @category model */
export interface KubeletPodFacts {
  /** `spec.os.name`, when set. */
  readonly os?: string
  /** The pod's `kubernetes.io/os` label, when set (upstream compares the label, not the node selector). */
  readonly osLabel?: string
  /** A static pod (annotation `kubernetes.io/config.source` other than `api`): the taint check is skipped. */
  readonly static?: boolean
  /** `spec.securityContext.supplementalGroupsPolicy` is `Strict`. */
  readonly strictSupplementalGroups?: boolean
}

/** Why the kubelet refused a pod: the pod status's `reason` and `message`. @since 0.1.0 @category model */
export interface KubeletRefusal {
  readonly reason: string
  /** As `status.message` shows it: "Pod was rejected: " and the admit handler's message. */
  readonly message: string
}

/** A pod the kubelet of `node` refused: it ends Failed and uses nothing. @since 0.1.0 @category model */
export interface KubeletRejection extends KubeletRefusal {
  readonly pod: SchedulingPod
  readonly node: string
}

/** The label the kubelet sets to its OS (`v1.LabelOSStable`). @since 0.1.0 @category constants */
export const OS_LABEL = "kubernetes.io/os"

/** The prefix of `status.message` on a pod the kubelet rejected. @since 0.1.0 @category constants */
export const REJECTED_PREFIX = "Pod was rejected: "

/** The OS the kubelet runs on: its node's `kubernetes.io/os` label, else linux (a kubelet always sets the label; catcluster assumes linux when a hand-written node lacks it). */
const nodeOs = (node: SchedulingNode): string => node.labels[OS_LABEL] ?? "linux"

const refusal = (reason: string, message: string): KubeletRefusal => ({ reason, message: REJECTED_PREFIX + message })

const predicateFailed = (plugin: string, reason: string): KubeletRefusal => refusal(plugin, `Predicate ${plugin} failed: ${reason}`)

/** The kubelet's reason for a resource: four named constants, else `OutOf<name>`. */
const outOf = (resource: string): string => `OutOf${resource}`

/** `removeMissingExtendedResources`: a request for an extended resource the node does not list is not checked. */
const withoutMissingExtended = (request: ResourceAmounts, node: SchedulingNode): ResourceAmounts => {
  const out: Record<string, number> = {}
  for (const [r, v] of Object.entries(request)) if (!isExtendedResource(r) || Object.hasOwn(node.allocatable, r)) out[r] = v
  return out
}

const NO_IGNORED = { ignoredResources: [], ignoredResourceGroups: [] } as const

/**
 * The kubelet's verdict on `pod` arriving at `node`, where `running` already run: `undefined`
 * when admitted, else the reason and message it writes into the pod's status.
 *
 * @example
 * import { kubeletAdmission, node, pod } from "catcluster/scheduler"
 * kubeletAdmission(pod("d/p", { cpu: 3000 }, { nodeName: "n1" }), node("n1", { cpu: 4000, pods: 110 }), [pod("d/q", { cpu: 2000 })])
 * // { reason: "OutOfcpu", message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 3000, used: 2000, capacity: 4000" }
 *
 * @since 0.1.0
 * @category admission
 */
export const kubeletAdmission = (
  pod: SchedulingPod,
  node: SchedulingNode,
  running: ReadonlyArray<SchedulingPod>,
  facts: KubeletPodFacts = {},
): KubeletRefusal | undefined => {
  const os = nodeOs(node)
  if (facts.osLabel !== undefined && facts.osLabel !== os) {
    return refusal("PodOSSelectorNodeLabelDoesNotMatch", "Failed to admit pod as the `kubernetes.io/os` label doesn't match node label")
  }
  if (facts.os !== undefined && facts.os !== os) return refusal("PodOSNotSupported", "Failed to admit pod as the OS field doesn't match node OS")
  if (facts.strictSupplementalGroups === true && node.supplementalGroupsPolicy !== true) {
    return refusal("SupplementalGroupsPolicyNotSupported", "SupplementalGroupsPolicy=Strict is not supported in this node")
  }
  // the running pods as the kubelet's NodeInfo counts them: with what their status says of a resize
  const used: Record<string, number> = {}
  for (const p of running) for (const [r, v] of Object.entries(assignedPodRequests(p).requests)) used[r] = (used[r] ?? 0) + v
  const short = insufficientResources(withoutMissingExtended(podRequests(pod), node), node.allocatable, used, running.length, NO_IGNORED)
  const first = short[0]
  if (first !== undefined) {
    return refusal(outOf(first.resource === PODS ? "pods" : first.resource), `Node didn't have enough resource: ${first.resource}, requested: ${first.requested}, used: ${first.used}, capacity: ${first.capacity}`)
  }
  if (nodeAffinityFilter(pod, node).code !== "Success") return predicateFailed("NodeAffinity", REASON_NODE_AFFINITY)
  if (pod.nodeName !== undefined && pod.nodeName !== node.name) return predicateFailed("NodeName", REASON_NODE_NAME)
  const ports = hostPortsOf(pod)
  if (ports.length > 0 && !fitsPorts(ports, usedHostPorts(running))) return predicateFailed("NodePorts", REASON_NODE_PORTS)
  if (facts.static !== true) {
    const untolerated = node.taints.some((t) => t.effect === "NoExecute" && !pod.tolerations.some((x) => toleratesTaint(x, t)))
    if (untolerated) return predicateFailed("TaintToleration", REASON_UNTOLERATED_TAINT)
  }
  return undefined
}

/** Options of {@link admitInOrder}. @since 0.1.0 @category model */
export interface AdmitOptions {
  /** What the kubelet reads of each arriving pod beyond the model (OS, static). */
  readonly facts?: (pod: SchedulingPod) => KubeletPodFacts | undefined
}

/**
 * The kubelets' admission of `arriving` bindings, one at a time in the order given (the kubelet
 * sorts a batch by creation time; the caller orders them), each against the `running` pods of its
 * node plus those admitted before it. A binding to a node not among `nodes` is left admitted (no
 * kubelet judges it; the snapshot refuses it as bad input).
 *
 * @since 0.1.0
 * @category admission
 */
export const admitInOrder = (
  nodes: ReadonlyArray<SchedulingNode>,
  running: ReadonlyArray<Binding>,
  arriving: ReadonlyArray<Binding>,
  options: AdmitOptions = {},
): { readonly admitted: ReadonlyArray<Binding>; readonly rejected: ReadonlyArray<KubeletRejection> } => {
  const byName = new Map(nodes.map((n) => [n.name, n]))
  const on = new Map<string, SchedulingPod[]>()
  for (const b of running) {
    const list = on.get(b.node)
    if (list === undefined) on.set(b.node, [b.pod])
    else list.push(b.pod)
  }
  const admitted: Binding[] = []
  const rejected: KubeletRejection[] = []
  for (const b of arriving) {
    const node = byName.get(b.node)
    const here = on.get(b.node) ?? []
    const refused = node === undefined ? undefined : kubeletAdmission(b.pod, node, here, options.facts?.(b.pod))
    if (refused !== undefined) {
      rejected.push({ pod: b.pod, node: b.node, ...refused })
      continue
    }
    admitted.push(b)
    here.push(b.pod)
    on.set(b.node, here)
  }
  return { admitted, rejected }
}
