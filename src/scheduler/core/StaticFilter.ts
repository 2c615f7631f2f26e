/**
 * The parts of a cycle that depend only on the pod's constraints and the nodes' labels and
 * taints, which never change: NodeUnschedulable, NodeName, TaintToleration (filter and raw
 * score), NodeAffinity (PreFilter node set, filter with the profile's enforced affinity, raw
 * preferred score) and catcluster's VM capabilities filter, each only when the profile enables
 * it. Computed over the interned arrays once per distinct constraint signature and cached, so the
 * per-pod loop reads one byte per node instead of re-matching labels.
 *
 * @since 0.1.0
 */
import { CPU_FEATURE_LABEL_PREFIX, KVM } from "../model/Resources.ts"
import type { NodeSelectorTerm, SchedulingPod, SelectorRequirement, Toleration } from "../model/SchedulingPod.ts"
import { filterEnabled, type Profile } from "../profile/Profile.ts"
import { REASON_CONFLICT, REASON_ENFORCED, REASON_NODE_AFFINITY, requiredNodeNames } from "../plugins/NodeAffinity.ts"
import { REASON_UNTOLERATED_TAINT } from "../plugins/TaintToleration.ts"
import { REASON_NODE_NAME } from "../plugins/NodeName.ts"
import { REASON_UNSCHEDULABLE } from "../plugins/NodeUnschedulable.ts"
import { missingFeatureReason, REASON_NO_KVM } from "../plugins/VmCapabilities.ts"
import { lookup } from "./Interner.ts"
import { EFFECT, type NodeArrays } from "./NodeArrays.ts"

/**
 * Per node: 0 = passes, else 1 + index into `reasons`, with `late` set when the failing filter
 * runs after the resource checks (catcluster's VM capabilities filter runs after every default
 * filter, so a node failing resources too reports those); and the two raw scores, each an empty array (read as 0) when it is 0
 * everywhere, to keep the cache small. When NodeAffinity's PreFilter narrows the nodes,
 * `candidates` lists them (ascending) and the others fail with `absentReason`; when it rejects the
 * pod, `rejection` says why.
 *
 * @since 0.1.0
 * @category model
 */
export interface StaticVerdicts {
  readonly reason: Uint16Array
  readonly late: Uint8Array
  readonly reasons: string[]
  readonly candidates?: Int32Array
  readonly absentReason: string
  readonly rejection?: string
  readonly taintRaw: Uint16Array
  readonly affinityRaw: Int32Array
  /** Every raw score is 0, so the normalised scores are constant (taint 100, affinity 0). */
  readonly taintAllZero: boolean
  readonly affinityAllZero: boolean
  /** The largest raw scores over the nodes that pass the static filters. */
  readonly taintMax: number
  readonly affinityMax: number
  /** The scores normalised by those maxima (taint reversed); empty when the raw scores are. */
  readonly taintScore: Uint8Array
  readonly affinityScore: Uint8Array
}

interface CompiledToleration {
  readonly key: number // 0 = any key
  readonly exists: boolean
  readonly value: number
  readonly effect: number // 0 = any effect
}

const compileTolerations = (a: NodeArrays, ts: ReadonlyArray<Toleration>): ReadonlyArray<CompiledToleration> =>
  ts.map((t) => ({
    key: t.key === "" ? 0 : lookup(a.strings, t.key),
    exists: t.operator === "Exists",
    value: lookup(a.strings, t.value),
    effect: t.effect === "" ? 0 : EFFECT[t.effect],
  }))

const tolerated = (ts: ReadonlyArray<CompiledToleration>, key: number, value: number, effect: number): boolean => {
  for (const t of ts) {
    if (t.effect !== 0 && t.effect !== effect) continue
    if (t.key !== 0 && t.key !== key) continue
    if (t.exists || t.value === value) return true
  }
  return false
}

const labelValue = (a: NodeArrays, n: number, key: number): number => {
  for (let l = a.labelStart[n] as number; l < (a.labelStart[n + 1] as number); l++) if (a.labelKey[l] === key) return a.labelValue[l] as number
  return -1
}

const INT64 = /^[+-]?\d+$/
const toInt64 = (s: string): bigint | undefined => {
  if (!INT64.test(s)) return undefined
  const v = BigInt(s)
  return v >= -(2n ** 63n) && v < 2n ** 63n ? v : undefined
}

// One requirement against a value given as an interned id (−1 = label absent) and its string.
const requirementHolds = (r: SelectorRequirement, present: boolean, value: string): boolean => {
  if (r.operator === "Exists") return present
  if (r.operator === "DoesNotExist") return !present
  if (r.operator === "In") return present && r.values.includes(value)
  if (r.operator === "NotIn") return !present || !r.values.includes(value)
  if (!present || r.values.length !== 1) return false
  const left = toInt64(value)
  const right = toInt64(r.values[0] ?? "")
  if (left === undefined || right === undefined) return false
  return r.operator === "Gt" ? left > right : left < right
}

const termHolds = (a: NodeArrays, n: number, term: NodeSelectorTerm): boolean => {
  if (term.matchExpressions.length === 0 && term.matchFields.length === 0) return false
  for (const r of term.matchExpressions) {
    const key = lookup(a.strings, r.key)
    const v = key < 0 ? -1 : labelValue(a, n, key)
    if (!requirementHolds(r, v >= 0, v >= 0 ? (a.strings.strings[v] ?? "") : "")) return false
  }
  for (const r of term.matchFields) {
    const present = r.key === "metadata.name"
    if (!requirementHolds(r, present, present ? (a.names[n] ?? "") : "")) return false
  }
  return true
}

/**
 * The constraint signature: pods with equal signatures share their static verdicts.
 *
 * @since 0.1.0
 * @category accessors
 */
export const constraintSignature = (p: SchedulingPod): string =>
  p.nodeName === undefined &&
  p.requiredTerms === undefined &&
  p.preferredTerms.length === 0 &&
  p.tolerations.length === 0 &&
  p.requiredFeatures.length === 0 &&
  !p.requiresKvm &&
  Object.keys(p.nodeSelector).length === 0
    ? ""
    : JSON.stringify([p.nodeName ?? null, p.nodeSelector, p.requiredTerms ?? null, p.preferredTerms, p.tolerations, p.requiredFeatures, p.requiresKvm])

/**
 * Whether `pod` has `previous`'s constraint signature because it shares the objects the
 * signature reads (a template's replicas do): O(1), without building the string.
 *
 * @since 0.1.0
 * @category predicates
 */
export const sharesConstraintFields = (previous: SchedulingPod, pod: SchedulingPod): boolean =>
  previous.nodeName === pod.nodeName &&
  previous.nodeSelector === pod.nodeSelector &&
  previous.requiredTerms === pod.requiredTerms &&
  previous.preferredTerms === pod.preferredTerms &&
  previous.tolerations === pod.tolerations &&
  previous.requiredFeatures === pod.requiredFeatures &&
  previous.requiresKvm === pod.requiresKvm

/**
 * Compute the static verdicts of `pod` on every node.
 *
 * @since 0.1.0
 * @category constructors
 */
export const staticVerdicts = (a: NodeArrays, pod: SchedulingPod, profile: Profile): StaticVerdicts => {
  const n = a.count
  const reason = new Uint16Array(n)
  const late = new Uint8Array(n)
  const reasons: string[] = []
  const reasonIds = new Map<string, number>()
  const fail = (i: number, text: string): void => {
    let id = reasonIds.get(text)
    if (id === undefined) {
      id = reasons.length
      reasons.push(text)
      reasonIds.set(text, id)
    }
    reason[i] = id + 1
  }
  const failLate = (i: number, text: string): void => {
    fail(i, text)
    late[i] = 1
  }
  const unschedulableOn = filterEnabled(profile, "NodeUnschedulable")
  const nodeNameOn = filterEnabled(profile, "NodeName")
  const taintsOn = filterEnabled(profile, "TaintToleration")
  const affinityOn = filterEnabled(profile, "NodeAffinity")
  const vmOn = filterEnabled(profile, "VmCapabilities")
  const enforced = profile.nodeAffinity.addedRequired
  const addedPreferred = profile.nodeAffinity.addedPreferred.filter((p) => p.weight !== 0)
  const taintRaw = new Uint16Array(n)
  const affinityRaw = new Int32Array(n)
  const tolerations = compileTolerations(a, pod.tolerations)
  const preferTolerations = compileTolerations(
    a,
    pod.tolerations.filter((t) => t.effect === "" || t.effect === "PreferNoSchedule"),
  )
  const toleratesUnschedulable = pod.tolerations.some(
    (t) => (t.effect === "" || t.effect === "NoSchedule") && (t.key === "" || t.key === "node.kubernetes.io/unschedulable") && (t.operator === "Exists" || t.value === ""),
  )
  const selector = Object.entries(pod.nodeSelector).map(([k, v]) => [lookup(a.strings, k), lookup(a.strings, v)] as const)
  const kvm = a.columns.get(KVM)
  const featureKeys = pod.requiredFeatures.map((f) => lookup(a.strings, CPU_FEATURE_LABEL_PREFIX + f))
  const trueId = lookup(a.strings, "true")
  const preferred = [...pod.preferredTerms.filter((p) => p.weight !== 0), ...addedPreferred]

  nodes: for (let i = 0; i < n; i++) {
    if (unschedulableOn && a.unschedulable[i] === 1 && !toleratesUnschedulable) {
      fail(i, REASON_UNSCHEDULABLE)
      continue
    }
    if (nodeNameOn && pod.nodeName !== undefined && pod.nodeName !== a.names[i]) {
      fail(i, REASON_NODE_NAME)
      continue
    }
    for (let t = a.taintStart[i] as number; t < (a.taintStart[i + 1] as number); t++) {
      const effect = a.taintEffect[t] as number
      const key = a.taintKey[t] as number
      const value = a.taintValue[t] as number
      if (effect === EFFECT.PreferNoSchedule) {
        if (!tolerated(preferTolerations, key, value, effect)) taintRaw[i] = (taintRaw[i] as number) + 1
        continue
      }
      if (taintsOn && !tolerated(tolerations, key, value, effect)) {
        fail(i, REASON_UNTOLERATED_TAINT)
        continue nodes
      }
    }
    if (affinityOn) {
      if (enforced !== undefined && !enforced.some((term) => termHolds(a, i, term))) {
        fail(i, REASON_ENFORCED)
        continue
      }
      for (const [k, v] of selector) {
        if (k < 0 || v < 0 || labelValue(a, i, k) !== v) {
          fail(i, REASON_NODE_AFFINITY)
          continue nodes
        }
      }
      if (pod.requiredTerms !== undefined && !pod.requiredTerms.some((term) => termHolds(a, i, term))) {
        fail(i, REASON_NODE_AFFINITY)
        continue
      }
    }
    if (vmOn) vmCheck: {
      if (pod.requiresKvm && (kvm === undefined || ((a.alloc[kvm] as Float64Array)[i] as number) <= 0)) {
        failLate(i, REASON_NO_KVM)
        break vmCheck
      }
      for (let f = 0; f < featureKeys.length; f++) {
        const key = featureKeys[f] as number
        if (key < 0 || trueId < 0 || labelValue(a, i, key) !== trueId) {
          failLate(i, missingFeatureReason(pod.requiredFeatures[f] ?? ""))
          break vmCheck
        }
      }
    }
    let sum = 0
    for (const p of preferred) if (termHolds(a, i, p.preference)) sum += p.weight
    affinityRaw[i] = sum
  }
  if (reasons.length >= 65535) throw new RangeError("more than 65534 distinct static reasons")
  let taintMax = 0
  let affinityMax = 0
  // NodeAffinity's PreFilter: the nodes the required terms name by metadata.name, if they all do.
  const names = affinityOn ? requiredNodeNames(pod) : undefined
  const rejection = names !== undefined && names.size === 0 ? REASON_CONFLICT : undefined
  const candidates = names === undefined || rejection !== undefined ? undefined : Int32Array.from(a.names.flatMap((name, i) => (names.has(name) ? [i] : [])))
  const eligible = (i: number): boolean => reason[i] === 0 && (candidates === undefined || names?.has(a.names[i] as string) === true)
  for (let i = 0; i < n; i++) {
    if (!eligible(i)) continue
    if ((taintRaw[i] as number) > taintMax) taintMax = taintRaw[i] as number
    if ((affinityRaw[i] as number) > affinityMax) affinityMax = affinityRaw[i] as number
  }
  // zero on every statically feasible node: the normalised score is constant
  const taintAllZero = taintMax === 0
  const affinityAllZero = affinityMax === 0
  return {
    reason,
    late,
    reasons,
    ...(candidates === undefined ? {} : { candidates }),
    absentReason: "node(s) didn't satisfy plugin(s) [NodeAffinity]",
    ...(rejection === undefined ? {} : { rejection }),
    taintRaw: taintAllZero ? new Uint16Array(0) : taintRaw,
    affinityRaw: affinityAllZero ? new Int32Array(0) : affinityRaw,
    taintAllZero,
    affinityAllZero,
    taintMax,
    affinityMax,
    taintScore: taintAllZero ? new Uint8Array(0) : Uint8Array.from(taintRaw, (r) => 100 - Math.trunc((100 * r) / taintMax)),
    affinityScore: affinityAllZero ? new Uint8Array(0) : Uint8Array.from(affinityRaw, (r) => Math.trunc((100 * r) / affinityMax)),
  }
}

/**
 * Per node, whether it satisfies the pod's own required node affinity and node selector
 * (`nodeaffinity.GetRequiredNodeAffinity`: no scheduler-enforced terms), for PodTopologySpread's
 * `nodeAffinityPolicy: Honor`.
 *
 * @since 0.1.0
 * @category filters
 */
export const requiredAffinityMatches = (a: NodeArrays, pod: SchedulingPod): Uint8Array => {
  const out = new Uint8Array(a.count)
  const selector = Object.entries(pod.nodeSelector).map(([k, v]) => [lookup(a.strings, k), lookup(a.strings, v)] as const)
  nodes: for (let i = 0; i < a.count; i++) {
    for (const [k, v] of selector) if (k < 0 || v < 0 || labelValue(a, i, k) !== v) continue nodes
    if (pod.requiredTerms !== undefined && !pod.requiredTerms.some((term) => termHolds(a, i, term))) continue
    out[i] = 1
  }
  return out
}

/**
 * Per node, whether the pod tolerates every NoSchedule and NoExecute taint of it, for
 * PodTopologySpread's `nodeTaintsPolicy: Honor`.
 *
 * @since 0.1.0
 * @category filters
 */
export const hardTaintsTolerated = (a: NodeArrays, pod: SchedulingPod): Uint8Array => {
  const out = new Uint8Array(a.count)
  const tolerations = compileTolerations(a, pod.tolerations)
  nodes: for (let i = 0; i < a.count; i++) {
    for (let t = a.taintStart[i] as number; t < (a.taintStart[i + 1] as number); t++) {
      const effect = a.taintEffect[t] as number
      if (effect === EFFECT.PreferNoSchedule) continue
      if (!tolerated(tolerations, a.taintKey[t] as number, a.taintValue[t] as number, effect)) continue nodes
    }
    out[i] = 1
  }
  return out
}
