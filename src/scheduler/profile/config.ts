/**
 * Reading a `KubeSchedulerConfiguration` (kubescheduler.config.k8s.io/v1) as kube-scheduler
 * v1.35 reads it, into one {@link Profile} per scheduler profile:
 *
 * - decoding is strict (an unknown field is an error) and every error names the file and the
 *   JSON path, with the problem worded as Kubernetes' field errors;
 * - `plugins` are merged over the default profile and expanded into the extension points
 *   (`PluginSets.ts`): `multiPoint`, `preEnqueue`, `queueSort`, `preFilter`, `filter`,
 *   `postFilter`, `preScore`, `score`, and `reserve` / `permit` / `preBind` / `bind` /
 *   `postBind` (accepted when they name plugins that implement them). Filters run in the order
 *   the configuration gives them; weights of 0 mean 1;
 * - enabling a plugin catcluster does not implement is an error at the entry that enables it, so
 *   the totals are never silently different from kube-scheduler's;
 * - a filter whose PreFilter is disabled while its Filter runs is modelled when the plugin falls
 *   back upstream (NodeAffinity, VolumeZone, NodeVolumeLimits) and refused otherwise (upstream
 *   fails every pod with an error status); likewise PreScore / Score (NodeAffinity,
 *   NodeResourcesFit and NodeResourcesBalancedAllocation fall back);
 * - `pluginConfig` args as `PluginArgs.ts` reads them; `percentageOfNodesToScore` (profile,
 *   else top level; absent or 0: Kubernetes' adaptive rule, as upstream; 100: every node);
 * - several profiles: each pod is scheduled by the profile its `schedulerName` names; a pod naming
 *   no profile is left alone, as kube-scheduler leaves it to another scheduler.
 *
 * Operational settings (leader election, client connection, parallelism, profiling, backoff) are
 * accepted and validated; they do not change where pods land, and a warning lists them.
 * Extenders are refused: they filter and score through HTTP calls catcluster cannot make.
 *
 * @since 0.1.0
 */
import { LineCounter, parseAllDocuments } from "yaml"
import { duplicateFieldProblem } from "../../domain/manifest/duplicateKeys.ts"
import { duplicateKeysInYaml } from "../../domain/manifest/duplicateYamlKeys.ts"
import { DEFAULT_SCHEDULER_NAME } from "../model/SchedulingPod.ts"
import { SchedulerInputError } from "../SchedulerInputError.ts"
import { array, type At, child, duplicate, fail, integer, invalid, notSupported, object, optionalObject, required, string } from "./ConfigInput.ts"
import { pluginArgs, takesArgs } from "./PluginArgs.ts"
import { EXTENSION_POINTS, type ExtensionPoint, FILTER_WITHOUT_PREFILTER, implementsPoint, isKnownPlugin, SCORE_WITHOUT_PRESCORE } from "./PluginCatalog.ts"
import { defaultPlugins, expandPlugins, mergePlugins, type PluginEntry, type Plugins, type PluginSet } from "./PluginSets.ts"
import { defaultProfile, FILTER_PLUGINS, type FilterPluginName, type NodesToScore, type Profile, SCORE_PLUGINS, type ScorePluginName } from "./Profile.ts"

/**
 * A parsed configuration: every profile, the one selected by name (`default-scheduler`, else the
 * first), and notes on what is accepted but has no effect.
 *
 * @since 0.1.0
 * @category model
 */
export interface ParsedConfig {
  readonly profile: Profile
  readonly profiles: ReadonlyArray<Profile>
  readonly schedulerName: string
  readonly warnings: ReadonlyArray<string>
}

const API_VERSION = "kubescheduler.config.k8s.io/v1"
const OPERATIONAL = [
  "parallelism",
  "leaderElection",
  "clientConnection",
  "enableProfiling",
  "enableContentionProfiling",
  "podInitialBackoffSeconds",
  "podMaxBackoffSeconds",
  "delayCacheUntilActive",
] as const
const TOP = ["apiVersion", "kind", "percentageOfNodesToScore", "profiles", "extenders", ...OPERATIONAL]
const PROFILE = ["schedulerName", "percentageOfNodesToScore", "plugins", "pluginConfig"]
const LEADER_ELECTION = ["leaderElect", "leaseDuration", "renewDeadline", "retryPeriod", "resourceLock", "resourceName", "resourceNamespace"]
const CLIENT_CONNECTION = ["kubeconfig", "acceptContentTypes", "contentType", "qps", "burst"]

const pluginSet = (value: unknown, at: At): PluginSet => {
  const o = optionalObject(value, at, ["enabled", "disabled"])
  if (o === undefined) return { enabled: [], disabled: [] }
  const refs = (key: "enabled" | "disabled") =>
    array(o[key], child(at, key)).map((r, i): PluginEntry => {
      const where = child(child(at, key), i)
      const p = object(r, where, ["name", "weight"])
      const weight = integer(p["weight"], child(where, "weight"), "int32")
      return { name: string(p["name"], child(where, "name")), ...(weight === undefined ? {} : { weight }), at: where }
    })
  return { enabled: refs("enabled"), disabled: refs("disabled").map((d) => d.name) }
}

const pluginsOf = (value: unknown, at: At): Plugins => {
  const o = optionalObject(value, at, ["multiPoint", ...EXTENSION_POINTS]) ?? {}
  return Object.fromEntries((["multiPoint", ...EXTENSION_POINTS] as const).map((p) => [p, pluginSet(o[p], child(at, p))])) as Plugins
}

const percentage = (value: unknown, at: At): number | undefined => {
  const p = integer(value, at, "int32")
  if (p !== undefined && (p < 0 || p > 100)) invalid(at, p, "not in valid range [0-100]")
  return p
}

const names = (entries: ReadonlyArray<PluginEntry>): ReadonlyArray<string> => entries.map((e) => e.name)

const isFilter = (name: string): name is FilterPluginName => (FILTER_PLUGINS as ReadonlyArray<string>).includes(name)
const isScore = (name: string): name is ScorePluginName => (SCORE_PLUGINS as ReadonlyArray<string>).includes(name)

// The profile's plugins as the framework sees them, checked for what catcluster cannot model.
const pluginsProfile = (schedulerName: string, plugins: Plugins, custom: Plugins, at: At, warnings: string[]): Partial<Profile> => {
  const pAt = child(at, "plugins")
  const { points, weights } = expandPlugins(plugins, pAt)
  const point = (p: ExtensionPoint) => names(points[p])

  const queueSort = point("queueSort")
  if (queueSort.length !== 1) {
    fail(child(pAt, "queueSort"), `only one queue sort plugin required for profile with scheduler name ${JSON.stringify(schedulerName)}, but got ${queueSort.length}`)
  }
  if (point("bind").length === 0) fail(child(pAt, "bind"), `at least one bind plugin is needed for profile with scheduler name ${JSON.stringify(schedulerName)}`)

  const filters = point("filter").filter(isFilter)
  const preFilters = point("preFilter").filter(isFilter)
  const preFilterDisabled = filters.filter((f) => implementsPoint(f, "preFilter") && !preFilters.includes(f))
  for (const f of preFilterDisabled) {
    if (!FILTER_WITHOUT_PREFILTER.includes(f)) {
      fail(
        child(pAt, "preFilter"),
        `${f} runs at Filter with its PreFilter disabled: kube-scheduler v1.35's ${f} then fails every pod with an error ("not found" reading its PreFilter state); catcluster refuses the profile (only ${FILTER_WITHOUT_PREFILTER.join(", ")} filter without their PreFilter)`,
      )
    }
  }
  // PreFilter as the readable σ derives it: the enabled filters with a PreFilter, in Filter order
  const derived = filters.filter((f) => implementsPoint(f, "preFilter") && !preFilterDisabled.includes(f))
  const sameOrder = derived.length === preFilters.length && derived.every((f, i) => preFilters[i] === f)

  const scores = point("score")
  const preScores = point("preScore")
  const weightOf: Partial<Record<ScorePluginName, number>> = {}
  for (const s of scores.filter(isScore)) {
    const w = weights.get(s) ?? 1
    if (w < 0) {
      const entry = [...custom.score.enabled, ...custom.multiPoint.enabled].find((e) => e.name === s)
      fail(entry?.at === undefined ? child(pAt, "score") : child(entry.at, "weight"), `Invalid value: ${w}: a negative weight is not modelled by catcluster (kube-scheduler v1.35 does not reject it)`)
    }
    weightOf[s] = w
  }
  const preScoreDisabled = scores.filter(isScore).filter((s) => implementsPoint(s, "preScore") && !preScores.includes(s))
  for (const s of preScoreDisabled) {
    if (!SCORE_WITHOUT_PRESCORE.includes(s)) {
      fail(
        child(pAt, "preScore"),
        `${s} runs at Score with its PreScore disabled: kube-scheduler v1.35's ${s} then fails every scoring cycle with an error; catcluster refuses the profile (only ${SCORE_WITHOUT_PRESCORE.join(", ")} score without their PreScore)`,
      )
    }
  }
  const volumeScore = [...custom.score.enabled, ...custom.multiPoint.enabled].some((e) => e.name === "VolumeBinding" && e.weight !== undefined)
  if (volumeScore && scores.includes("VolumeBinding")) {
    warnings.push("VolumeBinding's Score is enabled: it scores nothing without the StorageCapacityScoring feature gate (off in v1.35), here as upstream")
  }

  const postFilter = point("postFilter")
  const dra = postFilter.indexOf("DynamicResources")
  const preemption = postFilter.indexOf("DefaultPreemption")
  if (dra >= 0) {
    const draPre = point("preFilter").indexOf("DynamicResources")
    if (draPre < 0) {
      fail(child(pAt, "preFilter"), "DynamicResources runs at PostFilter with its PreFilter disabled: its PostFilter then always fails (\"not found\") and preemption never runs; catcluster refuses the profile")
    }
    const after = point("preFilter").slice(draPre + 1).filter((p) => isFilter(p))
    if (after.length > 0) {
      fail(child(pAt, "preFilter"), `DynamicResources' PreFilter runs before ${after.join(", ")}: catcluster models it after every other PreFilter, its default place`)
    }
  }
  return {
    schedulerName,
    filters,
    preFilterDisabled,
    ...(sameOrder ? {} : { preFilterOrder: preFilters }),
    weights: weightOf,
    preScoreDisabled,
    hasScorePlugins: scores.length > 0,
    schedulingGates: point("preEnqueue").includes("SchedulingGates"),
    prioritySort: queueSort.includes("PrioritySort"),
    preemption: preemption >= 0,
    dynamicResources: dra >= 0,
    ...(dra >= 0 && preemption >= 0 && preemption < dra ? { preemptionBeforeDynamicResources: true } : {}),
  }
}

const profileOf = (
  raw: unknown,
  at: At,
  schedulerName: string,
  globalPercentage: number | undefined,
  warnings: string[],
): { readonly profile: Profile; readonly queueSort: PluginSet } => {
  const o = object(raw ?? {}, at, PROFILE)
  const custom = pluginsOf(o["plugins"], child(at, "plugins"))
  const merged = mergePlugins(defaultPlugins, custom)
  let profile: Profile = { ...defaultProfile, ...pluginsProfile(schedulerName, merged, custom, at, warnings) }
  const cAt = child(at, "pluginConfig")
  const seen = new Set<string>()
  const enabled = new Set((["multiPoint", ...EXTENSION_POINTS] as const).flatMap((p) => names(merged[p].enabled)))
  array(o["pluginConfig"], cAt).forEach((entry, i) => {
    const eAt = child(cAt, i)
    const e = object(entry, eAt, ["name", "args"])
    const name = string(e["name"], child(eAt, "name"))
    if (seen.has(name)) duplicate(eAt, name)
    seen.add(name)
    if (takesArgs(name)) {
      const result = pluginArgs(name, e["args"], child(eAt, "args"))
      profile = { ...profile, ...result.patch }
      warnings.push(...result.warnings.map((w) => `${at.path}.pluginConfig[${i}]: ${w}`))
    } else if (!isKnownPlugin(name) && !enabled.has(name)) {
      warnings.push(`${at.path}.pluginConfig[${i}]: args for ${name}, which no extension point enables: ignored, as kube-scheduler ignores them`)
    } else {
      warnings.push(`${at.path}.pluginConfig[${i}]: ${name} takes no args: ignored, as kube-scheduler ignores them`)
    }
  })
  const p = percentage(o["percentageOfNodesToScore"], child(at, "percentageOfNodesToScore")) ?? globalPercentage
  // unset and 0 both mean the adaptive rule, as upstream defaults it
  const nodesToScore: NodesToScore = p === undefined || p === 0 ? "adaptive" : p
  return { profile: { ...profile, nodesToScore }, queueSort: merged.queueSort }
}

const sameSet = (a: PluginSet, b: PluginSet): boolean =>
  JSON.stringify({ e: a.enabled.map((x) => [x.name, x.weight ?? null]), d: a.disabled }) ===
  JSON.stringify({ e: b.enabled.map((x) => [x.name, x.weight ?? null]), d: b.disabled })

const operational = (top: Readonly<Record<string, unknown>>, at: At): ReadonlyArray<string> => {
  const parallelism = integer(top["parallelism"], child(at, "parallelism"), "int32")
  if (parallelism !== undefined && parallelism <= 0) invalid(child(at, "parallelism"), parallelism, "should be an integer value greater than zero")
  optionalObject(top["leaderElection"], child(at, "leaderElection"), LEADER_ELECTION)
  optionalObject(top["clientConnection"], child(at, "clientConnection"), CLIENT_CONNECTION)
  const initial = integer(top["podInitialBackoffSeconds"], child(at, "podInitialBackoffSeconds"), "int64") ?? 1
  const max = integer(top["podMaxBackoffSeconds"], child(at, "podMaxBackoffSeconds"), "int64") ?? 10
  if (initial <= 0) invalid(child(at, "podInitialBackoffSeconds"), initial, "must be greater than 0")
  if (max < initial) invalid(child(at, "podMaxBackoffSeconds"), max, "must be greater than or equal to PodInitialBackoffSeconds")
  return OPERATIONAL.filter((k) => top[k] !== undefined)
}

/**
 * Parse the text of a scheduler configuration file. `schedulerName` selects `profile` (default:
 * the `default-scheduler` profile, else the first); `profiles` holds them all.
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
export const parseSchedulerConfig = (text: string, file: string, schedulerName?: string): ParsedConfig => {
  const lineCounter = new LineCounter()
  const docs = parseAllDocuments(text, { lineCounter })
  const list = Array.isArray(docs) ? docs : []
  const doc = list[0]
  if (doc === undefined) throw new SchedulerInputError(file, "empty configuration")
  // a key given twice: kube-scheduler decodes its configuration strictly; the parser's own message names neither key nor path
  const repeated = duplicateKeysInYaml(doc, lineCounter)[0]
  if (repeated !== undefined) {
    const at = repeated.path.reduce<At>(child, { file: repeated.line === undefined ? file : `${file}:${repeated.line}:${repeated.column ?? 1}`, path: "$" })
    fail(at, duplicateFieldProblem(repeated.key, repeated.path, "yaml"))
  }
  if (doc.errors.length > 0) {
    const message = doc.errors[0]?.message ?? "parse error"
    // the parser recurses per nesting level: name the limit rather than the engine's words
    throw new SchedulerInputError(file, /Maximum call stack size exceeded/.test(message) ? "YAML: nested deeper than the parser can read" : `YAML: ${message}`)
  }
  if (list.length > 1) throw new SchedulerInputError(file, `expected one KubeSchedulerConfiguration document, got ${list.length}`)
  const root: At = { file, path: "$" }
  const top = object(doc.toJS(), root, TOP)
  const apiVersion = string(top["apiVersion"], child(root, "apiVersion"))
  if (apiVersion !== API_VERSION) notSupported(child(root, "apiVersion"), apiVersion, [API_VERSION])
  const kind = string(top["kind"], child(root, "kind"))
  if (kind !== "KubeSchedulerConfiguration") notSupported(child(root, "kind"), kind, ["KubeSchedulerConfiguration"])
  const ignored = operational(top, root)
  if (array(top["extenders"], child(root, "extenders")).length > 0) {
    fail(child(root, "extenders"), "scheduler extenders are not modelled by catcluster: they filter, score and bind through HTTP calls")
  }
  const globalPercentage = percentage(top["percentageOfNodesToScore"], child(root, "percentageOfNodesToScore"))

  const pAt = child(root, "profiles")
  const rawProfiles = array(top["profiles"], pAt)
  const warnings: string[] = []
  const built = (rawProfiles.length === 0 ? [{}] : rawProfiles).map((raw, i) => {
    const at = child(pAt, i)
    const named = (raw as Record<string, unknown> | null)?.["schedulerName"]
    const name = named === undefined && rawProfiles.length <= 1 ? DEFAULT_SCHEDULER_NAME : string(named, child(at, "schedulerName"))
    if (name === "") required(child(at, "schedulerName"))
    return profileOf(raw, at, name, globalPercentage, warnings)
  })
  built.forEach((b, i) => {
    const first = built.findIndex((o) => o.profile.schedulerName === b.profile.schedulerName)
    if (first < i) duplicate(child(child(pAt, i), "schedulerName"), `profiles[${first}].schedulerName`)
    if (i > 0 && !sameSet(b.queueSort, (built[0] as (typeof built)[number]).queueSort)) {
      invalid(child(child(child(pAt, i), "plugins"), "queueSort"), b.queueSort.enabled.map((e) => e.name), "queueSort must be the same for all profiles")
    }
  })
  if (ignored.length > 0) warnings.push(`accepted, no effect on placements: ${ignored.join(", ")}`)
  const profiles = built.map((b) => b.profile)
  const wanted = schedulerName ?? (profiles.some((p) => p.schedulerName === DEFAULT_SCHEDULER_NAME) ? DEFAULT_SCHEDULER_NAME : (profiles[0] as Profile).schedulerName)
  const profile = profiles.find((p) => p.schedulerName === wanted)
  if (profile === undefined) throw new SchedulerInputError(`${file}: $.profiles`, `no profile with schedulerName ${wanted}`)
  return { profile, profiles, schedulerName: wanted, warnings }
}
