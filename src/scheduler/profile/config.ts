/**
 * Reading a `KubeSchedulerConfiguration` (kubescheduler.config.k8s.io/v1) into a `Profile`:
 * the profile's enabled / disabled score plugins and weights (from `plugins.score` and
 * `plugins.multiPoint`, merged over the default profile as kube-scheduler does: `disabled: "*"`
 * drops every default, an enabled plugin replaces a default's weight, a weight of 0 means 1),
 * `pluginConfig` args NodeResourcesFitArgs (`scoringStrategy` type, resources and weights,
 * `requestedToCapacityRatio.shape`, `ignoredResources`, `ignoredResourceGroups`) and
 * NodeResourcesBalancedAllocationArgs (`resources`), and `percentageOfNodesToScore` (absent: full
 * scan; 0: Kubernetes' adaptive rule). Invalid input gives a `SchedulerInputError` naming the file
 * and the JSON path, with the validation rules of v1.35.
 *
 * @since 0.1.0
 */
import * as t from "io-ts"
import { isLeft } from "fp-ts/lib/Either.js"
import { parseAllDocuments } from "yaml"
import { SchedulerInputError } from "../SchedulerInputError.ts"
import {
  DEFAULT_RESOURCES,
  defaultProfile,
  type NodesToScore,
  type Profile,
  SCORE_PLUGINS,
  type ScorePluginName,
  type ScoringStrategy,
  type ShapePoint,
  type WeightedResource,
} from "./Profile.ts"

const PluginRef = t.intersection([t.type({ name: t.string }), t.partial({ weight: t.number })])
const PluginSet = t.partial({ enabled: t.array(PluginRef), disabled: t.array(PluginRef) })
const ResourceSpec = t.intersection([t.type({ name: t.string }), t.partial({ weight: t.number })])
const FitArgs = t.partial({
  ignoredResources: t.array(t.string),
  ignoredResourceGroups: t.array(t.string),
  scoringStrategy: t.partial({
    type: t.keyof({ LeastAllocated: null, MostAllocated: null, RequestedToCapacityRatio: null }),
    resources: t.array(ResourceSpec),
    requestedToCapacityRatio: t.partial({ shape: t.array(t.type({ utilization: t.number, score: t.number })) }),
  }),
})
const BalancedArgs = t.partial({ resources: t.array(ResourceSpec) })
const ProfileCodec = t.partial({
  schedulerName: t.string,
  percentageOfNodesToScore: t.number,
  plugins: t.partial({ score: PluginSet, multiPoint: PluginSet }),
  pluginConfig: t.array(t.intersection([t.type({ name: t.string }), t.partial({ args: t.unknown })])),
})
const ConfigCodec = t.intersection([
  t.type({ apiVersion: t.literal("kubescheduler.config.k8s.io/v1"), kind: t.literal("KubeSchedulerConfiguration") }),
  t.partial({ percentageOfNodesToScore: t.number, profiles: t.array(ProfileCodec) }),
])

/** A parsed configuration: the profile and notes on what is accepted but not modelled. @since 0.1.0 @category model */
export interface ParsedConfig {
  readonly profile: Profile
  readonly schedulerName: string
  readonly warnings: ReadonlyArray<string>
}

// The JSON path of the first io-ts error, e.g. "$.profiles[0].plugins".
const pathOf = (errors: t.Errors): string => {
  let path = "$"
  const context = errors[0]?.context ?? []
  for (let i = 1; i < context.length; i++) {
    const c = context[i] as t.ContextEntry
    // an intersection's members show up as keys "0", "1": not part of the document's path
    if (c.key === "" || context[i - 1]?.type instanceof t.IntersectionType) continue
    path += /^\d+$/.test(c.key) ? `[${c.key}]` : `.${c.key}`
  }
  return path
}

const decode = <A>(codec: t.Decoder<unknown, A>, value: unknown, file: string, at: string): A => {
  const r = codec.decode(value)
  if (isLeft(r)) {
    const e = r.left[0]
    const got = e === undefined ? "" : ` (got ${JSON.stringify(e.value)})`
    const sub = pathOf(r.left).slice(1)
    throw new SchedulerInputError(`${file}: ${at}${sub}`, `invalid value${got}, expected ${e?.context.at(-1)?.type.name ?? "a valid value"}`)
  }
  return r.right
}

const isModelled = (name: string): name is ScorePluginName => (SCORE_PLUGINS as ReadonlyArray<string>).includes(name)
const NOT_MODELLED = new Set(["VolumeBinding", "DynamicResources"])
// v1.35 default score plugins and weights, including those not modelled here.
const DEFAULT_SCORE: ReadonlyArray<readonly [string, number]> = [
  ["TaintToleration", 3],
  ["NodeAffinity", 2],
  ["PodTopologySpread", 2],
  ["InterPodAffinity", 2],
  ["NodeResourcesFit", 1],
  ["NodeResourcesBalancedAllocation", 1],
  ["ImageLocality", 1],
]

const resources = (specs: ReadonlyArray<{ name: string; weight?: number }>, file: string, at: string): ReadonlyArray<WeightedResource> =>
  specs.map((r, i) => {
    const weight = r.weight ?? 1
    if (!Number.isInteger(weight) || weight < 1 || weight > 100) {
      throw new SchedulerInputError(`${file}: ${at}[${i}].weight`, `resource weight must be an integer in 1..100, got ${weight}`)
    }
    return { name: r.name, weight }
  })

const validateShape = (shape: ReadonlyArray<ShapePoint>, file: string, at: string): void => {
  if (shape.length === 0) throw new SchedulerInputError(`${file}: ${at}`, "shape needs at least one point")
  shape.forEach((p, i) => {
    if (!Number.isInteger(p.utilization) || p.utilization < 0 || p.utilization > 100) {
      throw new SchedulerInputError(`${file}: ${at}[${i}].utilization`, `utilization must be an integer in 0..100, got ${p.utilization}`)
    }
    if (!Number.isInteger(p.score) || p.score < 0 || p.score > 10) {
      throw new SchedulerInputError(`${file}: ${at}[${i}].score`, `score must be an integer in 0..10, got ${p.score}`)
    }
    const prev = shape[i - 1]
    if (prev !== undefined && p.utilization <= prev.utilization) {
      throw new SchedulerInputError(`${file}: ${at}[${i}].utilization`, "utilization values must be strictly increasing")
    }
  })
}

/**
 * Parse the text of a scheduler configuration file.
 *
 * @example
 * import { parseSchedulerConfig } from "catcluster/scheduler"
 * const { profile } = parseSchedulerConfig(`
 * apiVersion: kubescheduler.config.k8s.io/v1
 * kind: KubeSchedulerConfiguration
 * profiles:
 * - pluginConfig:
 *   - name: NodeResourcesFit
 *     args: { scoringStrategy: { type: MostAllocated } }
 * `, "sched.yaml")
 * profile.scoringStrategy.type // "MostAllocated"
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseSchedulerConfig = (text: string, file: string, schedulerName = "default-scheduler"): ParsedConfig => {
  const docs = parseAllDocuments(text)
  const doc = Array.isArray(docs) ? docs[0] : undefined
  if (doc === undefined) throw new SchedulerInputError(file, "empty configuration")
  if (doc.errors.length > 0) throw new SchedulerInputError(file, `YAML: ${doc.errors[0]?.message ?? "parse error"}`)
  const config = decode(ConfigCodec, doc.toJS(), file, "$")
  const profiles = config.profiles ?? [{}]
  const index = profiles.findIndex((p) => (p.schedulerName ?? "default-scheduler") === schedulerName)
  if (index < 0) throw new SchedulerInputError(`${file}: $.profiles`, `no profile with schedulerName ${schedulerName}`)
  const prof = profiles[index] as t.TypeOf<typeof ProfileCodec>
  const at = `$.profiles[${index}]`
  const warnings: string[] = []

  // Score plugins: defaults, then multiPoint, then score (later sets override earlier ones).
  const weights = new Map<string, number>(DEFAULT_SCORE)
  const explicit = new Set<string>()
  for (const point of ["multiPoint", "score"] as const) {
    const set = prof.plugins?.[point]
    if (set === undefined) continue
    for (const d of set.disabled ?? []) {
      if (d.name === "*") weights.clear()
      else weights.delete(d.name)
    }
    ;(set.enabled ?? []).forEach((e, i) => {
      const w = e.weight ?? 0
      if (!Number.isInteger(w) || w < 0 || w > 100) {
        throw new SchedulerInputError(`${file}: ${at}.plugins.${point}.enabled[${i}].weight`, `weight must be an integer in 0..100, got ${w}`)
      }
      weights.set(e.name, w === 0 ? 1 : w)
      explicit.add(e.name)
    })
  }
  const modelled: Partial<Record<ScorePluginName, number>> = {}
  for (const [name, w] of weights) {
    if (isModelled(name)) modelled[name] = w
    else if (NOT_MODELLED.has(name)) {
      if (explicit.has(name)) warnings.push(`score plugin ${name} is enabled but not modelled: it adds nothing to totals`)
    } else warnings.push(`unknown score plugin ${name}: ignored`)
  }

  let scoringStrategy: ScoringStrategy = defaultProfile.scoringStrategy
  let ignoredResources: ReadonlyArray<string> = []
  let ignoredResourceGroups: ReadonlyArray<string> = []
  let balancedResources: ReadonlyArray<WeightedResource> = DEFAULT_RESOURCES
  ;(prof.pluginConfig ?? []).forEach((pc, i) => {
    const argsAt = `${at}.pluginConfig[${i}].args`
    if (pc.name === "NodeResourcesFit") {
      const args = decode(FitArgs, pc.args ?? {}, file, argsAt)
      ignoredResources = args.ignoredResources ?? []
      ignoredResourceGroups = args.ignoredResourceGroups ?? []
      const s = args.scoringStrategy ?? {}
      const type = s.type ?? "LeastAllocated"
      const res = resources(s.resources ?? DEFAULT_RESOURCES, file, `${argsAt}.scoringStrategy.resources`)
      if (type === "RequestedToCapacityRatio") {
        const shape = s.requestedToCapacityRatio?.shape
        if (shape === undefined) {
          throw new SchedulerInputError(`${file}: ${argsAt}.scoringStrategy.requestedToCapacityRatio`, "RequestedToCapacityRatio needs a shape")
        }
        validateShape(shape, file, `${argsAt}.scoringStrategy.requestedToCapacityRatio.shape`)
        scoringStrategy = { type, resources: res, shape }
      } else scoringStrategy = { type, resources: res }
    } else if (pc.name === "NodeResourcesBalancedAllocation") {
      const args = decode(BalancedArgs, pc.args ?? {}, file, argsAt)
      balancedResources = resources(args.resources ?? DEFAULT_RESOURCES, file, `${argsAt}.resources`)
    } else warnings.push(`pluginConfig for ${pc.name} is not modelled: ignored`)
  })

  const percentage = prof.percentageOfNodesToScore ?? config.percentageOfNodesToScore
  let nodesToScore: NodesToScore = "all"
  if (percentage !== undefined) {
    const where = prof.percentageOfNodesToScore !== undefined ? `${at}.percentageOfNodesToScore` : "$.percentageOfNodesToScore"
    if (!Number.isInteger(percentage) || percentage < 0 || percentage > 100) {
      throw new SchedulerInputError(`${file}: ${where}`, `must be an integer in 0..100, got ${percentage}`)
    }
    nodesToScore = percentage === 0 ? "adaptive" : percentage
  }
  return {
    profile: { ...defaultProfile, weights: modelled, scoringStrategy, ignoredResources, ignoredResourceGroups, balancedResources, nodesToScore },
    schedulerName,
    warnings,
  }
}
