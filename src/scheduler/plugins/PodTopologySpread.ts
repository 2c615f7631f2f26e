/**
 * Plugin PodTopologySpread (Kubernetes v1.35, `pkg/scheduler/framework/plugins/podtopologyspread`).
 *
 * Constraints: the pod's own `topologySpreadConstraints` (DoNotSchedule ones at PreFilter /
 * Filter, ScheduleAnyway ones at PreScore / Score), each selector with `matchLabelKeys` merged in
 * from the pod's labels (an absent selector stays "nothing"); defaults minDomains 1,
 * nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore. A pod with no constraints of its own gets the
 * profile's default constraints (`System`: hostname maxSkew 3 and zone maxSkew 5, both
 * ScheduleAnyway; `List`: `defaultConstraints`) with the selector of `DefaultSelector`, none when
 * that selector is empty.
 *
 * Counting (`countPodsMatchSelector`): pods in the incoming pod's namespace, not terminating,
 * matching the selector; an empty selector (`labelSelector: {}`) counts nothing. A node counts
 * for a constraint when it carries every constraint's topology key and passes the constraint's
 * inclusion policies (Honor affinity: the pod's nodeSelector and required node affinity match;
 * Honor taints: the pod tolerates its NoSchedule / NoExecute taints).
 *
 * PreFilter (skipped without hard constraints): per constraint, matching pods per domain over
 * all nodes and their minimum. Filter: a node lacking a constraint's key is
 * UnschedulableAndUnresolvable "node(s) didn't match pod topology spread constraints (missing
 * required label)"; else count(domain) + [pod matches itself] − global minimum > maxSkew is
 * Unschedulable "node(s) didn't match pod topology spread constraints", where the global minimum
 * is 0 while fewer domains than minDomains exist. Preemption re-runs PreFilter without the
 * victims, which is upstream's AddPod / RemovePod.
 *
 * PreScore (skipped without soft constraints): domains among the feasible nodes (nodes lacking a
 * key are ignored, except under System defaulting for a pod without constraints, where such a
 * node forms the domain ""), weights ln(size + 2), counts over all nodes whose domain is among the
 * feasible ones; hostname constraints count on the scored node itself. Score and NormalizeScore:
 * see `TopologySpreadScore.ts`.
 *
 * @since 0.1.0
 */
import type { ClusterView } from "../framework/ClusterView.ts"
import { type FilterPlugin, proceed, type ScorePlugin, skip } from "../framework/Plugin.ts"
import type { ClusterObjects } from "../model/ClusterObjects.ts"
import { isEmptySelector, type LabelSelector, labelSelectorMatches, type Labels, mergeLabelKeys } from "../model/LabelSelector.ts"
import type { SchedulingNode } from "../model/SchedulingNode.ts"
import { labelsOf, namespaceOf, type SchedulingPod } from "../model/SchedulingPod.ts"
import type { NodeInclusionPolicy, TopologySpreadConstraint } from "../model/TopologySpread.ts"
import { type PodTopologySpreadArgs, type Profile, SYSTEM_DEFAULT_CONSTRAINTS } from "../profile/Profile.ts"
import type { BoundPod, NodeState } from "../readable/NodeState.ts"
import { defaultSelector } from "./DefaultSelector.ts"
import { nodeAffinityFilter } from "./NodeAffinity.ts"
import { failure, type Status, success } from "./Status.ts"
import { taintTolerationFilter } from "./TaintToleration.ts"
import { normalizeSpreadScores, roundSpreadScore, spreadScoreForCount, topologyNormalizingWeight } from "./TopologySpreadScore.ts"

/** `v1.LabelHostname`. @since 0.1.0 @category constants */
export const LABEL_HOSTNAME = "kubernetes.io/hostname"
/** `v1.LabelTopologyZone`. @since 0.1.0 @category constants */
export const LABEL_ZONE = "topology.kubernetes.io/zone"

/** kube-scheduler's Filter reason when the skew would exceed maxSkew (Unschedulable). @since 0.1.0 @category constants */
export const REASON_SPREAD_CONSTRAINTS = "node(s) didn't match pod topology spread constraints"
/** kube-scheduler's Filter reason when the node lacks a topology key (UnschedulableAndUnresolvable). @since 0.1.0 @category constants */
export const REASON_SPREAD_MISSING_LABEL = `${REASON_SPREAD_CONSTRAINTS} (missing required label)`

/** A constraint's `whenUnsatisfiable`. @since 0.1.0 @category model */
export type SpreadAction = TopologySpreadConstraint["whenUnsatisfiable"]

/**
 * A constraint as the plugin evaluates it: the selector resolved (`undefined` selects nothing),
 * the defaults filled in.
 *
 * @since 0.1.0
 * @category model
 */
export interface SpreadConstraint {
  readonly maxSkew: number
  readonly topologyKey: string
  readonly selector: LabelSelector | undefined
  readonly minDomains: number
  readonly nodeAffinityPolicy: NodeInclusionPolicy
  readonly nodeTaintsPolicy: NodeInclusionPolicy
}

/**
 * `filterTopologySpreadConstraints`: the constraints with `whenUnsatisfiable === action`, each
 * with `matchLabelKeys` merged into its selector from `podLabels` and the API defaults filled in.
 *
 * @since 0.1.0
 * @category constructors
 */
export const spreadConstraintsFor = (
  constraints: ReadonlyArray<Omit<TopologySpreadConstraint, "labelSelector"> & { readonly labelSelector?: LabelSelector }>,
  podLabels: Labels,
  action: SpreadAction,
): ReadonlyArray<SpreadConstraint> =>
  constraints
    .filter((c) => c.whenUnsatisfiable === action)
    .map((c) => ({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector: mergeLabelKeys(c.labelSelector, podLabels, c.matchLabelKeys ?? []),
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy ?? "Honor",
      nodeTaintsPolicy: c.nodeTaintsPolicy ?? "Ignore",
    }))

/** The default constraints the args give: the system ones, or the configured list. @since 0.1.0 @category accessors */
export const defaultConstraintsOf = (args: PodTopologySpreadArgs): PodTopologySpreadArgs["defaultConstraints"] =>
  args.defaultingType === "System" ? SYSTEM_DEFAULT_CONSTRAINTS : args.defaultConstraints

/**
 * `buildDefaultConstraints`: the default constraints with `action`, all with the pod's
 * `DefaultSelector`; none when that selector is empty.
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultSpreadConstraints = (
  pod: SchedulingPod,
  args: PodTopologySpreadArgs,
  objects: ClusterObjects,
  action: SpreadAction,
): ReadonlyArray<SpreadConstraint> => {
  const constraints = spreadConstraintsFor(defaultConstraintsOf(args), labelsOf(pod), action)
  if (constraints.length === 0) return []
  const selector = defaultSelector(pod, objects)
  if (isEmptySelector(selector)) return []
  return constraints.map((c) => ({ ...c, selector }))
}

/**
 * The constraints the plugin applies to a pod at one action: its own, else the defaults.
 *
 * @since 0.1.0
 * @category constructors
 */
export const podSpreadConstraints = (
  pod: SchedulingPod,
  args: PodTopologySpreadArgs,
  objects: ClusterObjects,
  action: SpreadAction,
): ReadonlyArray<SpreadConstraint> =>
  (pod.topologySpreadConstraints?.length ?? 0) > 0
    ? spreadConstraintsFor(pod.topologySpreadConstraints ?? [], labelsOf(pod), action)
    : defaultSpreadConstraints(pod, args, objects, action)

/**
 * `countPodsMatchSelector`: bound pods in `namespace`, not terminating, that the selector selects;
 * 0 for an empty selector.
 *
 * @since 0.1.0
 * @category accessors
 */
export const countMatchingPods = (pods: ReadonlyArray<BoundPod>, selector: LabelSelector | undefined, namespace: string): number => {
  if (selector === undefined || isEmptySelector(selector)) return 0
  let count = 0
  for (const b of pods) {
    if (b.pod.terminating === true || namespaceOf(b.pod) !== namespace) continue
    if (labelSelectorMatches(selector, labelsOf(b.pod))) count++
  }
  return count
}

/** Whether the node carries every constraint's topology key. @since 0.1.0 @category predicates */
export const hasTopologyKeys = (labels: Labels, constraints: ReadonlyArray<SpreadConstraint>): boolean =>
  constraints.every((c) => Object.hasOwn(labels, c.topologyKey))

/**
 * `matchNodeInclusionPolicies`: Honor affinity → the pod's nodeSelector and required node affinity
 * match the node; Honor taints → the pod tolerates the node's NoSchedule / NoExecute taints.
 *
 * @since 0.1.0
 * @category predicates
 */
export const nodeIncluded = (c: SpreadConstraint, pod: SchedulingPod, node: SchedulingNode): boolean =>
  (c.nodeAffinityPolicy !== "Honor" || nodeAffinityFilter(pod, node).code === "Success") &&
  (c.nodeTaintsPolicy !== "Honor" || taintTolerationFilter(pod, node).code === "Success")

/**
 * What PreFilter computes: per hard constraint, the matching pods per domain (only domains of
 * nodes that count) and their minimum (2³¹ − 1 with no domain, as upstream; never used then,
 * since minDomains ≥ 1 makes the global minimum 0).
 *
 * @since 0.1.0
 * @category model
 */
export interface SpreadFilterState {
  readonly constraints: ReadonlyArray<SpreadConstraint>
  readonly counts: ReadonlyArray<ReadonlyMap<string, number>>
  readonly minMatch: ReadonlyArray<number>
}

const MAX_INT32 = 2147483647

/**
 * `calPreFilterState` over every node of the cluster.
 *
 * @since 0.1.0
 * @category constructors
 */
export const spreadFilterState = (pod: SchedulingPod, constraints: ReadonlyArray<SpreadConstraint>, nodes: ReadonlyArray<NodeState>): SpreadFilterState => {
  const namespace = namespaceOf(pod)
  const counts = constraints.map(() => new Map<string, number>())
  for (const s of nodes) {
    const labels = s.node.labels
    if (!hasTopologyKeys(labels, constraints)) continue
    constraints.forEach((c, i) => {
      if (!nodeIncluded(c, pod, s.node)) return
      const domain = labels[c.topologyKey] as string
      const m = counts[i] as Map<string, number>
      m.set(domain, (m.get(domain) ?? 0) + countMatchingPods(s.pods, c.selector, namespace))
    })
  }
  const minMatch = counts.map((m) => {
    let min = MAX_INT32
    for (const v of m.values()) if (v < min) min = v
    return min
  })
  return { constraints, counts, minMatch }
}

/**
 * The global minimum of constraint `i` for the skew: 0 while fewer domains than minDomains exist.
 *
 * @since 0.1.0
 * @category accessors
 */
export const globalMinimum = (state: SpreadFilterState, i: number): number =>
  (state.counts[i] as ReadonlyMap<string, number>).size < (state.constraints[i] as SpreadConstraint).minDomains ? 0 : (state.minMatch[i] as number)

/**
 * The Filter on one node.
 *
 * @since 0.1.0
 * @category filters
 */
export const spreadFilter = (pod: SchedulingPod, node: SchedulingNode, state: SpreadFilterState): Status => {
  const podLabels = labelsOf(pod)
  for (const [i, c] of state.constraints.entries()) {
    if (!Object.hasOwn(node.labels, c.topologyKey)) return failure("UnschedulableAndUnresolvable", REASON_SPREAD_MISSING_LABEL)
    const self = labelSelectorMatches(c.selector, podLabels) ? 1 : 0
    const matching = (state.counts[i] as ReadonlyMap<string, number>).get(node.labels[c.topologyKey] as string) ?? 0
    if (matching + self - globalMinimum(state, i) > c.maxSkew) return failure("Unschedulable", REASON_SPREAD_CONSTRAINTS)
  }
  return success
}

/**
 * What PreScore computes: the soft constraints, the feasible nodes ignored for lacking a key,
 * per non-hostname constraint the matching pods per domain seen among the feasible nodes, and
 * the per-constraint weights.
 *
 * @since 0.1.0
 * @category model
 */
export interface SpreadScoreState {
  readonly constraints: ReadonlyArray<SpreadConstraint>
  readonly ignored: ReadonlySet<string>
  readonly counts: ReadonlyArray<ReadonlyMap<string, number>>
  readonly weights: ReadonlyArray<number>
}

/**
 * Whether a node lacking a topology key still counts (under the domain ""): only for a pod
 * without constraints of its own under System defaulting, "so that nodes without a zone label
 * still get hostname spreading".
 *
 * @since 0.1.0
 * @category predicates
 */
export const requiresAllTopologies = (pod: SchedulingPod, args: PodTopologySpreadArgs): boolean =>
  (pod.topologySpreadConstraints?.length ?? 0) > 0 || args.defaultingType !== "System"

/**
 * `initPreScoreState` plus PreScore's counting: `undefined` when the pod has no soft constraints
 * (the plugin is skipped).
 *
 * @since 0.1.0
 * @category constructors
 */
export const spreadScoreState = (
  pod: SchedulingPod,
  feasible: ReadonlyArray<NodeState>,
  all: ReadonlyArray<NodeState>,
  args: PodTopologySpreadArgs,
  objects: ClusterObjects,
): SpreadScoreState | undefined => {
  if (all.length === 0) return undefined
  const constraints = podSpreadConstraints(pod, args, objects, "ScheduleAnyway")
  if (constraints.length === 0) return undefined
  const requireAll = requiresAllTopologies(pod, args)
  const ignored = new Set<string>()
  const counts = constraints.map(() => new Map<string, number>())
  for (const s of feasible) {
    if (requireAll && !hasTopologyKeys(s.node.labels, constraints)) {
      ignored.add(s.node.name)
      continue
    }
    constraints.forEach((c, i) => {
      if (c.topologyKey === LABEL_HOSTNAME) return
      // Go reads a missing label as "": under System defaulting such nodes share that domain.
      const domain = s.node.labels[c.topologyKey] ?? ""
      const m = counts[i] as Map<string, number>
      if (!m.has(domain)) m.set(domain, 0)
    })
  }
  const weights = constraints.map((c, i) =>
    topologyNormalizingWeight(c.topologyKey === LABEL_HOSTNAME ? feasible.length - ignored.size : (counts[i] as Map<string, number>).size),
  )
  const namespace = namespaceOf(pod)
  for (const s of all) {
    if (requireAll && !hasTopologyKeys(s.node.labels, constraints)) continue
    constraints.forEach((c, i) => {
      if (!nodeIncluded(c, pod, s.node)) return
      const m = counts[i] as Map<string, number>
      const domain = s.node.labels[c.topologyKey] ?? ""
      const current = m.get(domain)
      if (current === undefined) return
      m.set(domain, current + countMatchingPods(s.pods, c.selector, namespace))
    })
  }
  return { constraints, ignored, counts, weights }
}

/**
 * Score on one node before normalisation: 0 for an ignored node, else the rounded sum over the
 * constraints whose key the node carries of cnt · weight + maxSkew − 1 (hostname: cnt on this node).
 *
 * @since 0.1.0
 * @category scorers
 */
export const spreadRawScore = (pod: SchedulingPod, node: NodeState, state: SpreadScoreState): number => {
  if (state.ignored.has(node.node.name)) return 0
  const namespace = namespaceOf(pod)
  let score = 0
  for (const [i, c] of state.constraints.entries()) {
    const labels = node.node.labels
    if (!Object.hasOwn(labels, c.topologyKey)) continue
    const count =
      c.topologyKey === LABEL_HOSTNAME
        ? countMatchingPods(node.pods, c.selector, namespace)
        : ((state.counts[i] as ReadonlyMap<string, number>).get(labels[c.topologyKey] as string) ?? 0)
    score += spreadScoreForCount(count, c.maxSkew, state.weights[i] as number)
  }
  return roundSpreadScore(score)
}

const missingState = (point: string): Error =>
  new Error(`PodTopologySpread ${point} ran without its state: its ${point === "Filter" ? "PreFilter" : "PreScore"} is required (kube-scheduler fails the pod with an error)`)

/**
 * PodTopologySpread at PreFilter and Filter, with the profile's `PodTopologySpreadArgs`.
 *
 * @since 0.1.0
 * @category plugins
 */
export const podTopologySpreadFilterPlugin = (profile: Profile): FilterPlugin<SpreadFilterState> => ({
  name: "PodTopologySpread",
  preFilter: (pod: SchedulingPod, cluster: ClusterView) => {
    const constraints = podSpreadConstraints(pod, profile.podTopologySpread, cluster.objects, "DoNotSchedule")
    return constraints.length === 0 ? skip : proceed(spreadFilterState(pod, constraints, cluster.nodes))
  },
  filter: (pod, node, state) => {
    if (state === undefined) throw missingState("Filter")
    return spreadFilter(pod, node.node, state)
  },
})

/**
 * PodTopologySpread at PreScore, Score and NormalizeScore, with the profile's `PodTopologySpreadArgs`.
 *
 * @since 0.1.0
 * @category plugins
 */
export const podTopologySpreadScorePlugin = (profile: Profile): ScorePlugin<SpreadScoreState> => ({
  name: "PodTopologySpread",
  preScore: (pod, feasible, cluster) => {
    const state = spreadScoreState(pod, feasible, cluster.nodes, profile.podTopologySpread, cluster.objects)
    return state === undefined ? skip : proceed(state)
  },
  score: (pod, node, state) => {
    if (state === undefined) throw missingState("Score")
    return spreadRawScore(pod, node, state)
  },
  normalize: (scores, nodes, state) => {
    if (state === undefined) return
    normalizeSpreadScores(scores, scores.length, nodes.map((n) => state.ignored.has(n.node.name)))
  },
})
