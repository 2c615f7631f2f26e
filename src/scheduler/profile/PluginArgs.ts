/**
 * A profile's `pluginConfig` args, decoded strictly, defaulted and validated as kube-scheduler
 * v1.35 does (apis/config/v1/defaults.go, validation/validation_pluginargs.go), each into the part
 * of the {@link Profile} it configures:
 *
 * - NodeResourcesFitArgs: `ignoredResources`, `ignoredResourceGroups`, `scoringStrategy` (type,
 *   resources and weights, `requestedToCapacityRatio.shape`);
 * - NodeResourcesBalancedAllocationArgs: `resources` (each weight must be 1);
 * - PodTopologySpreadArgs: `defaultingType` (System / List) and `defaultConstraints`;
 * - InterPodAffinityArgs: `hardPodAffinityWeight` (0..100, default 1),
 *   `ignorePreferredTermsOfExistingPods`;
 * - NodeAffinityArgs: `addedAffinity` (required node selector terms and preferred terms);
 * - DefaultPreemptionArgs: validated and accepted; catcluster examines every candidate node, which
 *   is what kube-scheduler does while the candidates are at most `minCandidateNodesAbsolute` (or
 *   the percentage is 100): the warning says so;
 * - VolumeBindingArgs: `bindTimeoutSeconds` accepted (binding takes no time here); `shape` is an
 *   error, as in kube-scheduler without the StorageCapacityScoring gate (off in v1.35);
 * - DynamicResourcesArgs: `filterTimeout` accepted (no pod here has resource claims);
 *   `bindingTimeout` refused as upstream with its feature gates off.
 *
 * @since 0.1.0
 */
import type { NodeSelectorTerm, PreferredTerm, SelectorOperator, SelectorRequirement } from "../model/SchedulingPod.ts"
import type { NodeInclusionPolicy, TopologySpreadConstraint } from "../model/TopologySpread.ts"
import type { LabelSelector, LabelSelectorRequirement } from "../model/LabelSelector.ts"
import {
  array,
  type At,
  boolean,
  child,
  duplicate,
  fail,
  forbidden,
  integer,
  invalid,
  labelName,
  labelValue,
  notSupported,
  object,
  optionalObject,
  required,
  string,
} from "./ConfigInput.ts"
import { DEFAULT_RESOURCES, type PodTopologySpreadArgs, type Profile, type ScoringStrategy, type ShapePoint, type WeightedResource } from "./Profile.ts"

/** What one `pluginConfig` entry contributes: a part of the profile and notes. @since 0.1.0 @category model */
export interface ArgsResult {
  readonly patch: Partial<Profile>
  readonly warnings: ReadonlyArray<string>
}

const TYPE_META = ["apiVersion", "kind"]

// TypeMeta inline: an args object may say what it is; it must then be this plugin's args.
const argsObject = (value: unknown, at: At, plugin: string, fields: ReadonlyArray<string>) => {
  const o = object(value ?? {}, at, [...TYPE_META, ...fields])
  const kind = string(o["kind"], child(at, "kind"))
  if (kind !== "" && kind !== `${plugin}Args`) invalid(at, kind, "has to match plugin args")
  const apiVersion = string(o["apiVersion"], child(at, "apiVersion"))
  if (apiVersion !== "" && apiVersion !== "kubescheduler.config.k8s.io/v1") notSupported(child(at, "apiVersion"), apiVersion, ["kubescheduler.config.k8s.io/v1"])
  return o
}

const resourceSpecs = (value: unknown, at: At): ReadonlyArray<{ readonly name: string; readonly weight: number }> =>
  array(value, at).map((r, i) => {
    const o = object(r, child(at, i), ["name", "weight"])
    return { name: string(o["name"], child(child(at, i), "name")), weight: integer(o["weight"], child(child(at, i), "weight"), "int64") ?? 0 }
  })

const validateShape = (shape: ReadonlyArray<ShapePoint>, at: At): void => {
  if (shape.length === 0) required(at, "at least one point must be specified")
  for (let i = 1; i < shape.length; i++) {
    const p = shape[i] as ShapePoint
    if ((shape[i - 1] as ShapePoint).utilization >= p.utilization) {
      invalid(child(child(at, i), "utilization"), p.utilization, "values must be sorted in increasing order")
    }
  }
  shape.forEach((p, i) => {
    if (p.utilization < 0 || p.utilization > 100) invalid(child(child(at, i), "utilization"), p.utilization, "not in valid range [0, 100]")
    if (p.score < 0 || p.score > 10) invalid(child(child(at, i), "score"), p.score, "not in valid range [0, 10]")
  })
}

const shapeOf = (value: unknown, at: At): ReadonlyArray<ShapePoint> =>
  array(value, at).map((p, i) => {
    const o = object(p, child(at, i), ["utilization", "score"])
    return {
      utilization: integer(o["utilization"], child(child(at, i), "utilization"), "int32") ?? 0,
      score: integer(o["score"], child(child(at, i), "score"), "int32") ?? 0,
    }
  })

const STRATEGIES = ["LeastAllocated", "MostAllocated", "RequestedToCapacityRatio"] as const

const fitArgs = (value: unknown, at: At): ArgsResult => {
  const o = argsObject(value, at, "NodeResourcesFit", ["ignoredResources", "ignoredResourceGroups", "scoringStrategy"])
  const ignoredResources = array(o["ignoredResources"], child(at, "ignoredResources")).map((r, i) => {
    const where = child(child(at, "ignoredResources"), i)
    return labelName(string(r, where), where)
  })
  const ignoredResourceGroups = array(o["ignoredResourceGroups"], child(at, "ignoredResourceGroups")).map((g, i) => {
    const where = child(child(at, "ignoredResourceGroups"), i)
    const group = string(g, where)
    if (group.includes("/")) invalid(where, group, "resource group name can't contain '/'")
    return labelName(group, where)
  })
  const sAt = child(at, "scoringStrategy")
  const s = optionalObject(o["scoringStrategy"], sAt, ["type", "resources", "requestedToCapacityRatio"])
  let scoringStrategy: ScoringStrategy = { type: "LeastAllocated", resources: DEFAULT_RESOURCES }
  if (s !== undefined) {
    const type = string(s["type"], child(sAt, "type"))
    if (!(STRATEGIES as ReadonlyArray<string>).includes(type)) notSupported(child(sAt, "type"), type, STRATEGIES)
    const specs = resourceSpecs(s["resources"], child(sAt, "resources"))
    const resources: ReadonlyArray<WeightedResource> = specs.length === 0 ? DEFAULT_RESOURCES : specs.map((r) => ({ name: r.name, weight: r.weight === 0 ? 1 : r.weight }))
    resources.forEach((r, i) => {
      if (r.weight <= 0 || r.weight > 100) invalid(child(child(child(sAt, "resources"), i), "weight"), r.weight, `resource weight of ${r.name} not in valid range (0, 100]`)
    })
    const rAt = child(sAt, "requestedToCapacityRatio")
    const ratio = optionalObject(s["requestedToCapacityRatio"], rAt, ["shape"])
    if (type === "RequestedToCapacityRatio") {
      if (ratio === undefined) return required(rAt, "must be specified when type is RequestedToCapacityRatio")
      const shape = shapeOf(ratio["shape"], child(rAt, "shape"))
      validateShape(shape, child(rAt, "shape"))
      scoringStrategy = { type, resources, shape }
    } else {
      if (ratio !== undefined) forbidden(rAt, "must be nil when type is not RequestedToCapacityRatio")
      scoringStrategy = { type: type as "LeastAllocated" | "MostAllocated", resources }
    }
  }
  return { patch: { scoringStrategy, ignoredResources, ignoredResourceGroups }, warnings: [] }
}

const balancedArgs = (value: unknown, at: At): ArgsResult => {
  const o = argsObject(value, at, "NodeResourcesBalancedAllocation", ["resources"])
  const rAt = child(at, "resources")
  const specs = resourceSpecs(o["resources"], rAt)
  if (specs.length === 0) return { patch: { balancedResources: DEFAULT_RESOURCES }, warnings: [] }
  const seen = new Set<string>()
  const balancedResources = specs.map((r, i) => {
    if (seen.has(r.name)) duplicate(child(child(rAt, i), "name"), r.name)
    seen.add(r.name)
    const weight = r.weight === 0 ? 1 : r.weight
    if (weight !== 1) invalid(child(child(rAt, i), "weight"), weight, "must be 1")
    return { name: r.name, weight }
  })
  return { patch: { balancedResources }, warnings: [] }
}

const labelSelector = (value: unknown, at: At): LabelSelector => {
  const o = object(value, at, ["matchLabels", "matchExpressions"])
  const labels = optionalObject(o["matchLabels"], child(at, "matchLabels"), Object.keys((o["matchLabels"] as object | undefined) ?? {}))
  const matchExpressions: ReadonlyArray<LabelSelectorRequirement> = array(o["matchExpressions"], child(at, "matchExpressions")).map((r, i) => {
    const rAt = child(child(at, "matchExpressions"), i)
    const e = object(r, rAt, ["key", "operator", "values"])
    const operator = string(e["operator"], child(rAt, "operator"))
    if (!["In", "NotIn", "Exists", "DoesNotExist"].includes(operator)) notSupported(child(rAt, "operator"), operator, ["In", "NotIn", "Exists", "DoesNotExist"])
    return {
      key: string(e["key"], child(rAt, "key")),
      operator: operator as LabelSelectorRequirement["operator"],
      values: array(e["values"], child(rAt, "values")).map((v, j) => string(v, child(child(rAt, "values"), j))),
    }
  })
  return {
    ...(labels === undefined ? {} : { matchLabels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, string(v, child(child(at, "matchLabels"), k))])) }),
    ...(matchExpressions.length === 0 ? {} : { matchExpressions }),
  }
}

const POLICIES: ReadonlyArray<NodeInclusionPolicy> = ["Honor", "Ignore"]
const ACTIONS = ["DoNotSchedule", "ScheduleAnyway"]

interface RawConstraint {
  readonly constraint: Omit<TopologySpreadConstraint, "labelSelector">
  readonly hasSelector: boolean
}

const rawConstraint = (value: unknown, p: At): RawConstraint => {
  const raw = object(value, p, ["maxSkew", "topologyKey", "whenUnsatisfiable", "labelSelector", "minDomains", "nodeAffinityPolicy", "nodeTaintsPolicy", "matchLabelKeys"])
  const minDomains = integer(raw["minDomains"], child(p, "minDomains"), "int32")
  const policy = (key: "nodeAffinityPolicy" | "nodeTaintsPolicy"): NodeInclusionPolicy | undefined => {
    const v = raw[key] === undefined || raw[key] === null ? undefined : string(raw[key], child(p, key))
    if (v !== undefined && !(POLICIES as ReadonlyArray<string>).includes(v)) notSupported(child(p, key), v, POLICIES)
    return v as NodeInclusionPolicy | undefined
  }
  const nodeAffinityPolicy = policy("nodeAffinityPolicy")
  const nodeTaintsPolicy = policy("nodeTaintsPolicy")
  const matchLabelKeys = array(raw["matchLabelKeys"], child(p, "matchLabelKeys")).map((k, j) => string(k, child(child(p, "matchLabelKeys"), j)))
  const hasSelector = raw["labelSelector"] !== undefined && raw["labelSelector"] !== null
  if (hasSelector) labelSelector(raw["labelSelector"], child(p, "labelSelector"))
  return {
    hasSelector,
    constraint: {
      maxSkew: integer(raw["maxSkew"], child(p, "maxSkew"), "int32") ?? 0,
      topologyKey: string(raw["topologyKey"], child(p, "topologyKey")),
      whenUnsatisfiable: string(raw["whenUnsatisfiable"], child(p, "whenUnsatisfiable")) as TopologySpreadConstraint["whenUnsatisfiable"],
      ...(minDomains === undefined ? {} : { minDomains }),
      ...(nodeAffinityPolicy === undefined ? {} : { nodeAffinityPolicy }),
      ...(nodeTaintsPolicy === undefined ? {} : { nodeTaintsPolicy }),
      ...(matchLabelKeys.length === 0 ? {} : { matchLabelKeys }),
    },
  }
}

const spreadArgs = (value: unknown, at: At): ArgsResult => {
  const o = argsObject(value, at, "PodTopologySpread", ["defaultConstraints", "defaultingType"])
  const cAt = child(at, "defaultConstraints")
  const raws = array(o["defaultConstraints"], cAt).map((c, i) => rawConstraint(c, child(cAt, i)))
  const tAt = child(at, "defaultingType")
  const defaultingType = string(o["defaultingType"], tAt, "System")
  if (defaultingType !== "System" && defaultingType !== "List") notSupported(tAt, defaultingType, ["System", "List"])
  if (defaultingType === "System" && raws.length > 0) invalid(tAt, defaultingType, "when .defaultConstraints are not empty")
  raws.forEach(({ constraint: c, hasSelector }, i) => {
    const p = child(cAt, i)
    if (c.maxSkew <= 0) invalid(child(p, "maxSkew"), c.maxSkew, "not in valid range (0, inf)")
    if (c.topologyKey === "") required(child(p, "topologyKey"), "can not be empty")
    else labelName(c.topologyKey, child(p, "topologyKey"))
    if ((c.whenUnsatisfiable as string) === "") required(child(p, "whenUnsatisfiable"), "can not be empty")
    else if (!ACTIONS.includes(c.whenUnsatisfiable)) notSupported(child(p, "whenUnsatisfiable"), c.whenUnsatisfiable, ACTIONS)
    if (hasSelector) forbidden(child(p, "labelSelector"), "constraint must not define a selector, as they deduced for each pod")
    const repeated = raws.slice(0, i).some((r) => r.constraint.topologyKey === c.topologyKey && r.constraint.whenUnsatisfiable === c.whenUnsatisfiable)
    if (repeated) duplicate(p, `{${c.topologyKey}, ${c.whenUnsatisfiable}}`)
  })
  const podTopologySpread: PodTopologySpreadArgs = {
    defaultingType: defaultingType as PodTopologySpreadArgs["defaultingType"],
    defaultConstraints: raws.map((r) => r.constraint),
  }
  return { patch: { podTopologySpread }, warnings: [] }
}

const interPodAffinityArgs = (value: unknown, at: At): ArgsResult => {
  const o = argsObject(value, at, "InterPodAffinity", ["hardPodAffinityWeight", "ignorePreferredTermsOfExistingPods"])
  const wAt = child(at, "hardPodAffinityWeight")
  const hardPodAffinityWeight = integer(o["hardPodAffinityWeight"], wAt, "int32") ?? 1
  if (hardPodAffinityWeight < 0 || hardPodAffinityWeight > 100) invalid(wAt, hardPodAffinityWeight, "not in valid range [0, 100]")
  const ignorePreferredTermsOfExistingPods = boolean(o["ignorePreferredTermsOfExistingPods"], child(at, "ignorePreferredTermsOfExistingPods"))
  return { patch: { interPodAffinity: { hardPodAffinityWeight, ignorePreferredTermsOfExistingPods } }, warnings: [] }
}

const LABEL_OPERATORS: ReadonlyArray<SelectorOperator> = ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"]
const INT64 = /^[+-]?\d+$/

// One matchExpressions requirement, as labels.NewRequirement checks it.
const labelRequirement = (value: unknown, at: At): SelectorRequirement => {
  const o = object(value, at, ["key", "operator", "values"])
  const operator = string(o["operator"], child(at, "operator"))
  if (!(LABEL_OPERATORS as ReadonlyArray<string>).includes(operator)) notSupported(child(at, "operator"), operator, LABEL_OPERATORS)
  const key = labelName(string(o["key"], child(at, "key")), child(at, "key"))
  const vAt = child(at, "values")
  const values = array(o["values"], vAt).map((v, i) => string(v, child(vAt, i)))
  if ((operator === "In" || operator === "NotIn") && values.length === 0) invalid(vAt, values, "for 'in', 'notin' operators, values set can't be empty")
  if ((operator === "Exists" || operator === "DoesNotExist") && values.length !== 0) invalid(vAt, values, "values set must be empty for exists and does not exist")
  if (operator === "Gt" || operator === "Lt") {
    if (values.length !== 1) invalid(vAt, values, "for 'Gt', 'Lt' operators, exactly one value is required")
    values.forEach((v, i) => {
      if (!INT64.test(v)) invalid(child(vAt, i), v, "for 'Gt', 'Lt' operators, the value must be an integer")
    })
  }
  values.forEach((v, i) => labelValue(v, child(vAt, i)))
  return { key, operator: operator as SelectorOperator, values }
}

// One matchFields requirement: In / NotIn with exactly one value.
const fieldRequirement = (value: unknown, at: At): SelectorRequirement => {
  const o = object(value, at, ["key", "operator", "values"])
  const operator = string(o["operator"], child(at, "operator"))
  const vAt = child(at, "values")
  const values = array(o["values"], vAt).map((v, i) => string(v, child(vAt, i)))
  if (operator !== "In" && operator !== "NotIn") notSupported(child(at, "operator"), operator, ["In", "NotIn"])
  if (values.length !== 1) invalid(vAt, values, "must have one element")
  return { key: string(o["key"], child(at, "key")), operator: operator as SelectorOperator, values }
}

const nodeSelectorTerm = (value: unknown, at: At): NodeSelectorTerm => {
  const o = object(value ?? {}, at, ["matchExpressions", "matchFields"])
  const eAt = child(at, "matchExpressions")
  const fAt = child(at, "matchFields")
  return {
    matchExpressions: array(o["matchExpressions"], eAt).map((r, i) => labelRequirement(r, child(eAt, i))),
    matchFields: array(o["matchFields"], fAt).map((r, i) => fieldRequirement(r, child(fAt, i))),
  }
}

const nodeAffinityArgs = (value: unknown, at: At): ArgsResult => {
  const o = argsObject(value, at, "NodeAffinity", ["addedAffinity"])
  const aAt = child(at, "addedAffinity")
  const added = optionalObject(o["addedAffinity"], aAt, ["requiredDuringSchedulingIgnoredDuringExecution", "preferredDuringSchedulingIgnoredDuringExecution"])
  if (added === undefined) return { patch: { nodeAffinity: { addedPreferred: [] } }, warnings: [] }
  const rAt = child(aAt, "requiredDuringSchedulingIgnoredDuringExecution")
  const req = optionalObject(added["requiredDuringSchedulingIgnoredDuringExecution"], rAt, ["nodeSelectorTerms"])
  const tAt = child(rAt, "nodeSelectorTerms")
  const addedRequired = req === undefined ? undefined : array(req["nodeSelectorTerms"], tAt).map((t, i) => nodeSelectorTerm(t, child(tAt, i)))
  const pAt = child(aAt, "preferredDuringSchedulingIgnoredDuringExecution")
  const addedPreferred: ReadonlyArray<PreferredTerm> = array(added["preferredDuringSchedulingIgnoredDuringExecution"], pAt).map((t, i) => {
    const p = object(t, child(pAt, i), ["weight", "preference"])
    return {
      weight: integer(p["weight"], child(child(pAt, i), "weight"), "int32") ?? 0,
      preference: nodeSelectorTerm(p["preference"], child(child(pAt, i), "preference")),
    }
  })
  return { patch: { nodeAffinity: { ...(addedRequired === undefined ? {} : { addedRequired }), addedPreferred } }, warnings: [] }
}

const preemptionArgs = (value: unknown, at: At): ArgsResult => {
  const o = argsObject(value, at, "DefaultPreemption", ["minCandidateNodesPercentage", "minCandidateNodesAbsolute"])
  const pAt = child(at, "minCandidateNodesPercentage")
  const aAt = child(at, "minCandidateNodesAbsolute")
  const percentage = integer(o["minCandidateNodesPercentage"], pAt, "int32") ?? 10
  const absolute = integer(o["minCandidateNodesAbsolute"], aAt, "int32") ?? 100
  if (percentage < 0 || percentage > 100) invalid(pAt, percentage, "not in valid range [0, 100]")
  if (absolute < 0) invalid(aAt, absolute, "not in valid range [0, inf)")
  if (percentage === 0 && absolute === 0) invalid(pAt, percentage, "cannot be zero at the same time as minCandidateNodesAbsolute")
  const same = percentage === 100 ? "always" : `while at most ${absolute} nodes are candidates (kube-scheduler dry-runs max(${absolute}, ${percentage}% of them) from a random offset)`
  return {
    patch: {},
    warnings: [`DefaultPreemptionArgs accepted: catcluster dry-runs preemption on every candidate node, which picks the same node as kube-scheduler ${same}`],
  }
}

const volumeBindingArgs = (value: unknown, at: At): ArgsResult => {
  const o = argsObject(value, at, "VolumeBinding", ["bindTimeoutSeconds", "shape"])
  const tAt = child(at, "bindTimeoutSeconds")
  const timeout = integer(o["bindTimeoutSeconds"], tAt, "int64") ?? 600
  if (timeout < 0) invalid(tAt, timeout, "invalid BindTimeoutSeconds, should not be a negative value")
  if (o["shape"] !== undefined && o["shape"] !== null) {
    invalid(child(at, "shape"), o["shape"], "unexpected field `shape`, remove it or turn on the feature gate StorageCapacityScoring")
  }
  return { patch: {}, warnings: ["VolumeBindingArgs.bindTimeoutSeconds accepted: binding volumes takes no time in catcluster, so no timeout applies"] }
}

const DURATION = /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$|^0$/

const dynamicResourcesArgs = (value: unknown, at: At): ArgsResult => {
  const o = argsObject(value, at, "DynamicResources", ["filterTimeout", "bindingTimeout"])
  const fAt = child(at, "filterTimeout")
  if (o["filterTimeout"] !== undefined && o["filterTimeout"] !== null) {
    const d = string(o["filterTimeout"], fAt)
    if (d.startsWith("-")) invalid(fAt, d, "must be zero or positive")
    if (!DURATION.test(d)) invalid(fAt, d, "not a duration (e.g. 10s)")
  }
  if (o["bindingTimeout"] !== undefined && o["bindingTimeout"] !== null) {
    forbidden(child(at, "bindingTimeout"), "DRADeviceBindingConditions or DRAResourceClaimDeviceStatus feature gate is disabled")
  }
  return { patch: {}, warnings: ["DynamicResourcesArgs accepted: no effect, no pod here has resource claims"] }
}

const DECODERS: Readonly<Record<string, (value: unknown, at: At) => ArgsResult>> = {
  NodeResourcesFit: fitArgs,
  NodeResourcesBalancedAllocation: balancedArgs,
  PodTopologySpread: spreadArgs,
  InterPodAffinity: interPodAffinityArgs,
  NodeAffinity: nodeAffinityArgs,
  DefaultPreemption: preemptionArgs,
  VolumeBinding: volumeBindingArgs,
  DynamicResources: dynamicResourcesArgs,
}

/**
 * Whether plugin `name` takes arguments.
 *
 * @since 0.1.0
 * @category predicates
 */
export const takesArgs = (name: string): boolean => Object.hasOwn(DECODERS, name)

/**
 * The args of plugin `name` (at `at`, the `args` path): what they set in the profile.
 *
 * @since 0.1.0
 * @category decoders
 */
export const pluginArgs = (name: string, value: unknown, at: At): ArgsResult => {
  const decode = DECODERS[name]
  if (decode === undefined) return fail(at, `plugin ${name} takes no args`)
  return decode(value, at)
}
