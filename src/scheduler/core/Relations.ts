/**
 * The hot path's pod-to-pod relations: the label- and term-class index kept up to date on every
 * bind and unbind, and, per scheduling cycle, the filter verdicts and scores of the plugins that
 * relate the incoming pod to the pods already bound (NodePorts, PodTopologySpread,
 * InterPodAffinity), in the profile's filter order. A pod no relation touches costs one index lookup per bind and nothing
 * per cycle beyond deciding that.
 *
 * @since 0.1.0
 */
import type { ClusterObjects } from "../model/ClusterObjects.ts"
import { type HostPort, namespaceOf, type SchedulingPod } from "../model/SchedulingPod.ts"
import { BIND_ALL_HOST_IP, hostPortsOf, REASON_NODE_PORTS } from "../plugins/NodePorts.ts"
import { filterEnabled, type Profile } from "../profile/Profile.ts"
import type { StatusCode } from "../plugins/Status.ts"
import { type Domains, domainsOf } from "./Domains.ts"
import type { HotConstraint } from "./SpreadKernel.ts"
import { AFFINITY, affinityAdjust, affinityFilterState, type AffinityFilterState, affinityScores, affinityVerdict, affinityVerdicts, mayScoreAffinity } from "./InterPodAffinityKernel.ts"
import type { NodeArrays } from "./NodeArrays.ts"
import { labelClassOf, type LabelClass, moveClass, moveTerm, podIndex, type PodIndex, termClassesOf } from "./PodIndex.ts"
import { countedClasses, hotConstraints, type PolicyMasks, SPREAD, spreadAdjust, spreadFilterState, type SpreadFilterState, spreadScores, spreadScratch, spreadVerdict, spreadVerdicts } from "./SpreadKernel.ts"
import { hardTaintsTolerated, requiredAffinityMatches } from "./StaticFilter.ts"

/** Filter verdict codes of the relational plugins (0 = passes). @since 0.1.0 @category constants */
export const RELATION = {
  ok: 0,
  ports: 6,
  spreadMissingLabel: 1,
  spreadSkew: 2,
  affinity: 3,
  antiAffinity: 4,
  existingAntiAffinity: 5,
} as const

/** kube-scheduler's reason and status code per verdict. @since 0.1.0 @category constants */
export const RELATION_STATUS: ReadonlyArray<{ readonly code: StatusCode; readonly reason: string }> = [
  { code: "Success", reason: "" },
  { code: "UnschedulableAndUnresolvable", reason: "node(s) didn't match pod topology spread constraints (missing required label)" },
  { code: "Unschedulable", reason: "node(s) didn't match pod topology spread constraints" },
  { code: "UnschedulableAndUnresolvable", reason: "node(s) didn't match pod affinity rules" },
  { code: "Unschedulable", reason: "node(s) didn't match pod anti-affinity rules" },
  { code: "Unschedulable", reason: "node(s) didn't satisfy existing pods anti-affinity rules" },
  { code: "Unschedulable", reason: REASON_NODE_PORTS },
]

/** The policy masks of a pod, computed on first use; a pod without node selection admits every node. */
const policyMasks = (a: NodeArrays, pod: SchedulingPod): PolicyMasks => {
  let affinityMask: Uint8Array | undefined
  let taintMask: Uint8Array | undefined
  const free = Object.keys(pod.nodeSelector).length === 0 && pod.requiredTerms === undefined
  return {
    affinity: () => (affinityMask ??= free ? allOnes(a.count) : requiredAffinityMatches(a, pod)),
    affinityEverywhere: () => free,
    taints: () => (taintMask ??= hardTaintsTolerated(a, pod)),
  }
}

const onesCache = new Map<number, Uint8Array>()
const allOnes = (n: number): Uint8Array => {
  let ones = onesCache.get(n)
  if (ones === undefined) {
    ones = new Uint8Array(n).fill(1)
    onesCache.set(n, ones)
  }
  return ones
}

/** One cycle's relational state for the incoming pod. @since 0.1.0 @category model */
export interface CycleRelations {
  /** The host ports the pod binds (NodePorts), empty when none. */
  readonly ports: ReadonlyArray<HostPort>
  readonly spread?: SpreadFilterState
  readonly affinity?: AffinityFilterState
  /** Per node verdict (RELATION), filled when some relational filter runs. */
  readonly verdicts: Uint8Array | null
  /** The pod has soft spread constraints (own or default): PodTopologySpread scores it. */
  readonly spreadScored: boolean
  readonly softConstraints: ReadonlyArray<HotConstraint>
  /** The pod may get an InterPodAffinity score (its preferred terms, or existing pods' terms select it). */
  readonly affinityScored: boolean
}

/** The relations of one hot scheduler. @since 0.1.0 @category model */
export interface Relations {
  readonly index: PodIndex
  /** Bind pod `id` on node `n`. */
  readonly bind: (id: number, pod: SchedulingPod, n: number) => void
  readonly unbind: (id: number, n: number) => void
  /** The cycle state for `pod` (filters only; scores are computed after filtering). */
  readonly prepare: (pod: SchedulingPod) => CycleRelations
  /** The verdict on node `n` with the pods `removed` taken off it (preemption's dry run). */
  readonly verdictWithout: (c: CycleRelations, n: number, removed: ReadonlyArray<number>) => number
  /** Normalised scores of the feasible nodes into `spreadOut` / `affinityOut`; which plugins scored. */
  readonly scores: (
    pod: SchedulingPod,
    c: CycleRelations,
    feasible: Int32Array,
    found: number,
    spreadOut: Int32Array,
    affinityOut: Int32Array,
    floatScratch: Float64Array,
  ) => { readonly spread: boolean; readonly affinity: boolean }
  /** The domains of a topology key. */
  readonly domains: (key: string) => Domains
  /** The label classes a spread constraint counts for a pod of `namespace` (memoised, growing). */
  readonly counted: (namespace: string, c: HotConstraint) => ReadonlyArray<number>
}

// Host ports in use per node: host IP → "protocol/port" → how many bound pods use it.
type UsedPorts = Map<number, Map<string, Map<string, number>>>

const hostIpOf = (p: HostPort): string => (p.hostIP === "" ? BIND_ALL_HOST_IP : p.hostIP)

// A wanted port conflicts with one in use on the same protocol and port when either IP is the wildcard or both are equal.
const portsConflict = (used: Map<string, Map<string, number>> | undefined, wanted: ReadonlyArray<HostPort>): boolean => {
  if (used === undefined) return false
  for (const p of wanted) {
    const key = `${p.protocol}/${p.hostPort}`
    const ip = hostIpOf(p)
    if (ip === BIND_ALL_HOST_IP) {
      for (const byPort of used.values()) if ((byPort.get(key) ?? 0) > 0) return true
    } else if ((used.get(BIND_ALL_HOST_IP)?.get(key) ?? 0) > 0 || (used.get(ip)?.get(key) ?? 0) > 0) return true
  }
  return false
}

const movePorts = (used: UsedPorts, n: number, ports: ReadonlyArray<HostPort>, delta: number): void => {
  if (ports.length === 0) return
  let byIp = used.get(n)
  if (byIp === undefined) {
    byIp = new Map()
    used.set(n, byIp)
  }
  for (const p of ports) {
    const ip = hostIpOf(p)
    let byPort = byIp.get(ip)
    if (byPort === undefined) {
      byPort = new Map()
      byIp.set(ip, byPort)
    }
    const key = `${p.protocol}/${p.hostPort}`
    byPort.set(key, (byPort.get(key) ?? 0) + delta)
  }
}

const relationOfAffinity = (v: number): number =>
  v === AFFINITY.affinity ? RELATION.affinity : v === AFFINITY.antiAffinity ? RELATION.antiAffinity : v === AFFINITY.existingAntiAffinity ? RELATION.existingAntiAffinity : RELATION.ok

const verdictOf = (
  c: { readonly ports: ReadonlyArray<HostPort>; readonly spread?: SpreadFilterState; readonly affinity?: AffinityFilterState },
  n: number,
  used: UsedPorts,
): number => {
  if (c.ports.length > 0 && portsConflict(used.get(n), c.ports)) return RELATION.ports
  if (c.spread !== undefined) {
    const v = spreadVerdict(c.spread, n)
    if (v === SPREAD.missingLabel) return RELATION.spreadMissingLabel
    if (v === SPREAD.skew) return RELATION.spreadSkew
  }
  return c.affinity === undefined ? RELATION.ok : relationOfAffinity(affinityVerdict(c.affinity, n))
}

/**
 * The relations over `a` for a profile and the cluster's objects.
 *
 * @since 0.1.0
 * @category constructors
 */
export const relations = (a: NodeArrays, profile: Profile, objects: ClusterObjects): Relations => {
  const index = podIndex()
  const domains = new Map<string, Domains>()
  const ctx = { a, index, domains, profile, objects }
  const classOf: number[] = []
  const termsOf: Array<ReadonlyArray<number>> = []
  const portsOf: Array<ReadonlyArray<HostPort>> = []
  const used: UsedPorts = new Map()
  const portsOn = filterEnabled(profile, "NodePorts")
  const spreadOn = filterEnabled(profile, "PodTopologySpread")
  const affinityOn = filterEnabled(profile, "InterPodAffinity")
  const spreadScoring = profile.weights.PodTopologySpread !== undefined
  const affinityScoring = profile.weights.InterPodAffinity !== undefined
  const N = a.count
  const verdicts = new Uint8Array(N)
  const scratch = spreadScratch(N)

  const bind = (id: number, pod: SchedulingPod, n: number): void => {
    const c = classOf[id] ?? labelClassOf(index, pod)
    classOf[id] = c
    moveClass(index, c, n, 1)
    const terms = termsOf[id] ?? termClassesOf(index, pod)
    termsOf[id] = terms
    for (const t of terms) moveTerm(index, t, n, 1)
    const ports = portsOf[id] ?? hostPortsOf(pod)
    portsOf[id] = ports
    movePorts(used, n, ports, 1)
  }
  const unbind = (id: number, n: number): void => {
    moveClass(index, classOf[id] as number, n, -1)
    for (const t of termsOf[id] ?? []) moveTerm(index, t, n, -1)
    movePorts(used, n, portsOf[id] ?? [], -1)
  }

  // The soft constraints of the last pod: they depend only on its namespace, labels, owner and
  // own constraints (the objects and domains are fixed), which a template's replicas share.
  let lastSoft: { readonly pod: SchedulingPod; readonly namespace: string; readonly constraints: ReadonlyArray<HotConstraint> } | undefined
  const softConstraintsOf = (pod: SchedulingPod): ReadonlyArray<HotConstraint> => {
    const namespace = namespaceOf(pod)
    const last = lastSoft
    if (
      last !== undefined &&
      last.namespace === namespace &&
      last.pod.labels === pod.labels &&
      last.pod.controller === pod.controller &&
      last.pod.topologySpreadConstraints === pod.topologySpreadConstraints
    ) {
      return last.constraints
    }
    const constraints = hotConstraints(ctx, pod, "ScheduleAnyway")
    lastSoft = { pod, namespace, constraints }
    return constraints
  }

  const prepare = (pod: SchedulingPod): CycleRelations => {
    const masks = policyMasks(a, pod)
    const spread = spreadOn ? spreadFilterState(ctx, pod, masks) : undefined
    const affinity = affinityOn ? affinityFilterState(ctx, pod) : undefined
    const softConstraints = spreadScoring ? softConstraintsOf(pod) : []
    const ports = portsOn ? hostPortsOf(pod) : []
    const filtering = spread !== undefined || affinity !== undefined || ports.length > 0
    if (filtering) {
      // verdictOf for every node, filter by filter: later filters overwrite, so the first
      // failing one in verdictOf's order (ports, spread, affinity) is the verdict left
      verdicts.fill(RELATION.ok)
      if (affinity !== undefined) affinityVerdicts(affinity, verdicts, RELATION)
      if (spread !== undefined) spreadVerdicts(spread, verdicts, RELATION.spreadMissingLabel, RELATION.spreadSkew)
      // only nodes with host ports in use can conflict
      if (ports.length > 0) for (const [n, byIp] of used) if (portsConflict(byIp, ports)) verdicts[n] = RELATION.ports
    }
    return {
      ports,
      ...(spread === undefined ? {} : { spread }),
      ...(affinity === undefined ? {} : { affinity }),
      verdicts: filtering ? verdicts : null,
      spreadScored: softConstraints.length > 0,
      softConstraints,
      affinityScored: affinityScoring && mayScoreAffinity(ctx, pod),
    }
  }

  const adjust = (c: CycleRelations, removed: ReadonlyArray<number>, n: number, delta: number): void => {
    for (const id of removed) {
      const cls = index.classes[classOf[id] as number] as LabelClass
      if (c.spread !== undefined) spreadAdjust(c.spread, cls, n, delta)
      if (c.affinity !== undefined) affinityAdjust(ctx, c.affinity, cls, termsOf[id] ?? [], n, delta)
    }
  }
  const verdictWithout = (c: CycleRelations, n: number, removed: ReadonlyArray<number>): number => {
    if (c.spread === undefined && c.affinity === undefined && c.ports.length === 0) return RELATION.ok
    adjust(c, removed, n, -1)
    for (const id of removed) movePorts(used, n, portsOf[id] ?? [], -1)
    const v = verdictOf(c, n, used)
    for (const id of removed) movePorts(used, n, portsOf[id] ?? [], 1)
    adjust(c, removed, n, 1)
    return v
  }

  const scores = (pod: SchedulingPod, c: CycleRelations, feasible: Int32Array, found: number, spreadOut: Int32Array, affinityOut: Int32Array, floatScratch: Float64Array) => {
    const masks = policyMasks(a, pod)
    const spread = c.spreadScored && found > 0 ? spreadScores(ctx, pod, c.softConstraints, masks, feasible, found, spreadOut, floatScratch, scratch) : false
    const affinity = c.affinityScored ? affinityScores(ctx, pod, feasible, found, affinityOut) : false
    return { spread, affinity }
  }

  return {
    index,
    bind,
    unbind,
    prepare,
    verdictWithout,
    scores,
    domains: (key) => domainsOf(a, key, domains),
    counted: (namespace, c) => countedClasses(ctx, namespace, c.selector),
  }
}
