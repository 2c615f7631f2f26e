/**
 * KubeSchedulerConfiguration → Profile as kube-scheduler v1.35 reads it: merging over the default
 * profile, the framework's multiPoint expansion, plugin args with their defaults and validation,
 * typed errors naming the file and JSON path. Tables restate upstream's default_plugins_test.go
 * (TestMergePlugins) and the rules of validation.go / validation_pluginargs.go / defaults.go.
 */
import { describe, expect, it } from "vitest"
import {
  defaultProfile,
  FILTER_PLUGINS,
  mergePluginSet,
  parseSchedulerConfig,
  type PluginSet,
  SchedulerInputError,
} from "../../src/scheduler/index.ts"

const head = "apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n"

const errorOf = (text: string): SchedulerInputError => {
  try {
    parseSchedulerConfig(text, "sched.yaml")
  } catch (e) {
    if (e instanceof SchedulerInputError) return e
    throw e
  }
  throw new Error("expected a SchedulerInputError")
}

const parse = (text: string) => parseSchedulerConfig(head + text, "sched.yaml")
const defaultFilters = FILTER_PLUGINS.filter((f) => f !== "NumaFit" && f !== "VmCapabilities")

describe("parseSchedulerConfig", () => {
  it("no profiles: the default profile, nodes sampled by the adaptive rule as upstream", () => {
    const { profile, profiles, warnings } = parseSchedulerConfig(head, "sched.yaml")
    expect(profile.weights).toEqual({
      TaintToleration: 3,
      NodeAffinity: 2,
      PodTopologySpread: 2,
      InterPodAffinity: 2,
      NodeResourcesFit: 1,
      NodeResourcesBalancedAllocation: 1,
      ImageLocality: 1,
    })
    // unset percentageOfNodesToScore: upstream's adaptive rule (every node below 100 nodes)
    expect(profile.nodesToScore).toBe("adaptive")
    // the configured default profile is the library's default profile (VolumeBinding's Score counts for hasScoring)
    expect(profile).toEqual({ ...defaultProfile, hasScorePlugins: true })
    expect(profiles.map((p) => p.schedulerName)).toEqual(["default-scheduler"])
    expect(warnings).toEqual([])
  })

  it("disabled '*' then enabled, weight 0 means 1, args and percentage", () => {
    const { profile } = parseSchedulerConfig(
      `${head}percentageOfNodesToScore: 0
profiles:
- plugins:
    score:
      disabled: [{name: "*"}]
      enabled: [{name: NodeResourcesFit, weight: 0}, {name: TaintToleration, weight: 7}]
  pluginConfig:
  - name: NodeResourcesFit
    args:
      ignoredResourceGroups: [example.com]
      scoringStrategy:
        type: RequestedToCapacityRatio
        resources: [{name: cpu, weight: 3}, {name: nvidia.com/gpu}]
        requestedToCapacityRatio: {shape: [{utilization: 0, score: 0}, {utilization: 100, score: 10}]}
  - name: NodeResourcesBalancedAllocation
    args: {resources: [{name: cpu, weight: 1}, {name: memory, weight: 1}, {name: ephemeral-storage, weight: 1}]}
`,
      "sched.yaml",
    )
    expect(profile.weights).toEqual({ NodeResourcesFit: 1, TaintToleration: 7 })
    expect(profile.scoringStrategy).toEqual({
      type: "RequestedToCapacityRatio",
      resources: [
        { name: "cpu", weight: 3 },
        { name: "nvidia.com/gpu", weight: 1 },
      ],
      shape: [
        { utilization: 0, score: 0 },
        { utilization: 100, score: 10 },
      ],
    })
    expect(profile.ignoredResourceGroups).toEqual(["example.com"])
    expect(profile.balancedResources.map((r) => r.name)).toEqual(["cpu", "memory", "ephemeral-storage"])
    expect(profile.nodesToScore).toBe("adaptive")
  })

  it("a key given twice is bad input naming the line, the path and the key (the parser's message names neither)", () => {
    const e = errorOf(`${head}profiles:\n- schedulerName: a\n  plugins:\n    score:\n      enabled: [{name: NodeAffinity, weight: 2, weight: 50}]\n`)
    expect(e.path).toBe("sched.yaml:7:49: $.profiles[0].plugins.score.enabled[0]")
    expect(e.problem).toMatch(/^duplicate field "weight"/)
  })

  it("bad input names the file and JSON path", () => {
    expect(errorOf(`${head}profiles:\n- plugins:\n    score:\n      enabled: [{name: NodeResourcesFit, weight: x}]\n`).message).toBe(
      'sched.yaml: $.profiles[0].plugins.score.enabled[0].weight: invalid value (got "x"), expected number',
    )
    expect(
      errorOf(`${head}profiles:\n- pluginConfig:\n  - name: NodeResourcesFit\n    args: {scoringStrategy: {type: RequestedToCapacityRatio, requestedToCapacityRatio: {shape: [{utilization: 50, score: 1}, {utilization: 40, score: 2}]}}}\n`).path,
    ).toBe("sched.yaml: $.profiles[0].pluginConfig[0].args.scoringStrategy.requestedToCapacityRatio.shape[1].utilization")
    // Was "weight 101 is an error": kube-scheduler v1.35 bounds a plugin weight only by int32 and
    // the total-score overflow check (framework.go getScoreWeights), so 101 is valid; a negative
    // weight (accepted upstream) is refused as not modelled, and a fraction is not an int32.
    expect(parse("profiles:\n- plugins:\n    score:\n      enabled: [{name: NodeAffinity, weight: 101}]\n").profile.weights.NodeAffinity).toBe(101)
    expect(errorOf(`${head}profiles:\n- plugins:\n    score:\n      enabled: [{name: NodeAffinity, weight: -1}]\n`).path).toBe(
      "sched.yaml: $.profiles[0].plugins.score.enabled[0].weight",
    )
    expect(errorOf(`${head}profiles:\n- plugins:\n    score:\n      enabled: [{name: NodeAffinity, weight: 1.5}]\n`).path).toBe(
      "sched.yaml: $.profiles[0].plugins.score.enabled[0].weight",
    )
    expect(errorOf("apiVersion: v1\nkind: KubeSchedulerConfiguration\n").path).toBe("sched.yaml: $.apiVersion")
    expect(errorOf(`${head}percentageOfNodesToScore: 120\n`).path).toBe("sched.yaml: $.percentageOfNodesToScore")
  })
})

// upstream TestMergePlugins, restated (names are arbitrary strings at this stage)
const set = (enabled: ReadonlyArray<string | readonly [string, number]>, disabled: ReadonlyArray<string> = []): PluginSet => ({
  enabled: enabled.map((e) => (typeof e === "string" ? { name: e } : { name: e[0], weight: e[1] })),
  disabled,
})
const flat = (s: PluginSet) => ({ enabled: s.enabled.map((e) => (e.weight === undefined ? e.name : [e.name, e.weight])), disabled: s.disabled })

describe("mergePluginSet (upstream TestMergePlugins)", () => {
  const cases: ReadonlyArray<readonly [string, PluginSet, PluginSet, PluginSet]> = [
    ["AppendCustomPlugin", set(["DefaultPlugin1", "DefaultPlugin2"]), set(["CustomPlugin"]), set(["DefaultPlugin1", "DefaultPlugin2", "CustomPlugin"])],
    [
      "InsertAfterDefaultPlugins2",
      set(["DefaultPlugin1", "DefaultPlugin2"]),
      set(["CustomPlugin", "DefaultPlugin2"], ["DefaultPlugin2"]),
      set(["DefaultPlugin1", "CustomPlugin", "DefaultPlugin2"], ["DefaultPlugin2"]),
    ],
    [
      "InsertBeforeAllPlugins",
      set(["DefaultPlugin1", "DefaultPlugin2"]),
      set(["CustomPlugin", "DefaultPlugin1", "DefaultPlugin2"], ["*"]),
      set(["CustomPlugin", "DefaultPlugin1", "DefaultPlugin2"], ["*"]),
    ],
    [
      "ReorderDefaultPlugins",
      set(["DefaultPlugin1", "DefaultPlugin2"]),
      set(["DefaultPlugin2", "DefaultPlugin1"], ["*"]),
      set(["DefaultPlugin2", "DefaultPlugin1"], ["*"]),
    ],
    ["ApplyNilCustomPlugin", set(["DefaultPlugin1", "DefaultPlugin2"]), set([]), set(["DefaultPlugin1", "DefaultPlugin2"])],
    [
      "CustomPluginOverrideDefaultPlugin",
      set(["Plugin1", "Plugin2", "Plugin3"]),
      set([["Plugin1", 2], ["Plugin3", 3]]),
      set([["Plugin1", 2], "Plugin2", ["Plugin3", 3]]),
    ],
    [
      "OrderPreserveAfterOverride",
      set(["Plugin1", "Plugin2", "Plugin3"]),
      set([["Plugin2", 2], ["Plugin1", 1]]),
      set([["Plugin1", 1], ["Plugin2", 2], "Plugin3"]),
    ],
    [
      "RepeatedCustomPlugin",
      set(["Plugin1", "Plugin2", "Plugin3"]),
      set(["Plugin1", ["Plugin2", 2], "Plugin3", ["Plugin2", 4]]),
      set(["Plugin1", ["Plugin2", 4], "Plugin3", ["Plugin2", 2]]),
    ],
    ["Append custom MultiPoint plugin", set(["DefaultPlugin1", "DefaultPlugin2"]), set(["CustomPlugin"]), set(["DefaultPlugin1", "DefaultPlugin2", "CustomPlugin"])],
    [
      "Append disabled Multipoint plugins",
      set(["DefaultPlugin1", "DefaultPlugin2"]),
      set(["CustomPlugin", "CustomPlugin2"], ["DefaultPlugin2"]),
      set(["DefaultPlugin1", "CustomPlugin", "CustomPlugin2"], ["DefaultPlugin2"]),
    ],
    ["override default MultiPoint plugins with custom value", set(["DefaultPlugin"]), set([["DefaultPlugin", 5]]), set([["DefaultPlugin", 5]])],
    [
      "disabled MultiPoint plugin in default set",
      set(["DefaultPlugin"], ["DefaultPlugin2"]),
      set(["CustomPlugin"]),
      set(["DefaultPlugin", "CustomPlugin"], ["DefaultPlugin2"]),
    ],
    ["multipoint with only disabled gets merged", set(["DefaultPlugin"]), set([], ["DefaultPlugin"]), set([], ["DefaultPlugin"])],
  ]
  for (const [name, defaults, custom, expected] of cases) {
    it(name, () => expect(flat(mergePluginSet(defaults, custom))).toEqual(flat(expected)))
  }
})

const pointsOf = (text: string) => {
  const { profile } = parse(text)
  return profile
}

describe("plugins: the framework's expansion into extension points", () => {
  it("an explicitly enabled filter keeps its explicit place, before the multiPoint ones", () => {
    const p = pointsOf("profiles:\n- plugins:\n    filter:\n      enabled: [{name: NodeResourcesFit}, {name: TaintToleration}]\n")
    expect(p.filters).toEqual(["NodeResourcesFit", "TaintToleration", ...defaultFilters.filter((f) => f !== "NodeResourcesFit" && f !== "TaintToleration")])
  })

  it("disabling a plugin at one point keeps it at the others", () => {
    const p = pointsOf("profiles:\n- plugins:\n    score:\n      disabled: [{name: TaintToleration}]\n")
    expect(p.weights.TaintToleration).toBeUndefined()
    expect(p.filters).toContain("TaintToleration")
    const q = pointsOf("profiles:\n- plugins:\n    filter:\n      disabled: [{name: TaintToleration}]\n")
    expect(q.filters).not.toContain("TaintToleration")
    expect(q.weights.TaintToleration).toBe(3)
  })

  it("'*' at a point stops the multiPoint expansion there", () => {
    const p = pointsOf("profiles:\n- plugins:\n    filter:\n      disabled: [{name: '*'}]\n      enabled: [{name: NodeName}]\n")
    expect(p.filters).toEqual(["NodeName"])
    expect(p.weights.NodeAffinity).toBe(2)
  })

  it("multiPoint weights: a custom entry replaces the default in place; an explicit score weight wins", () => {
    expect(pointsOf("profiles:\n- plugins:\n    multiPoint:\n      enabled: [{name: TaintToleration, weight: 5}]\n").weights.TaintToleration).toBe(5)
    const p = pointsOf("profiles:\n- plugins:\n    multiPoint:\n      enabled: [{name: ImageLocality, weight: 5}]\n    score:\n      enabled: [{name: ImageLocality, weight: 7}]\n")
    expect(p.weights.ImageLocality).toBe(7)
  })

  it("catcluster's NumaFit and VmCapabilities are enabled by name, after the default filters", () => {
    const p = pointsOf("profiles:\n- plugins:\n    multiPoint:\n      enabled: [{name: VmCapabilities}, {name: NumaFit}]\n")
    expect(p.filters).toEqual([...defaultFilters, "VmCapabilities", "NumaFit"])
    // an explicit plugin that overrides no multiPoint one runs after the multiPoint plugins
    expect(pointsOf("profiles:\n- plugins:\n    filter:\n      enabled: [{name: NumaFit}]\n").filters.at(-1)).toBe("NumaFit")
  })

  it("PreFilter kept while Filter is disabled: NodeAffinity's node-name set still narrows", () => {
    const p = pointsOf("profiles:\n- plugins:\n    filter:\n      disabled: [{name: NodeAffinity}]\n")
    expect(p.filters).not.toContain("NodeAffinity")
    expect(p.preFilterOrder).toContain("NodeAffinity")
  })

  it("a PreFilter disabled while the Filter runs: modelled where the plugin falls back, refused elsewhere", () => {
    const p = pointsOf("profiles:\n- plugins:\n    preFilter:\n      disabled: [{name: NodeAffinity}, {name: VolumeZone}, {name: NodeVolumeLimits}]\n")
    expect(p.preFilterDisabled).toEqual(["NodeAffinity", "NodeVolumeLimits", "VolumeZone"])
    for (const plugin of ["NodeResourcesFit", "NodePorts", "VolumeRestrictions", "VolumeBinding", "PodTopologySpread", "InterPodAffinity"]) {
      const e = errorOf(`${head}profiles:\n- plugins:\n    preFilter:\n      disabled: [{name: ${plugin}}]\n`)
      expect(e.path).toBe("sched.yaml: $.profiles[0].plugins.preFilter")
      expect(e.problem).toContain(`${plugin} runs at Filter with its PreFilter disabled`)
    }
  })

  it("a PreScore disabled while the Score runs: modelled where the plugin falls back, refused elsewhere", () => {
    const p = pointsOf("profiles:\n- plugins:\n    preScore:\n      disabled: [{name: NodeAffinity}, {name: NodeResourcesFit}, {name: NodeResourcesBalancedAllocation}]\n")
    expect(p.preScoreDisabled).toEqual(["NodeAffinity", "NodeResourcesFit", "NodeResourcesBalancedAllocation"])
    for (const plugin of ["TaintToleration", "PodTopologySpread", "InterPodAffinity"]) {
      expect(errorOf(`${head}profiles:\n- plugins:\n    preScore:\n      disabled: [{name: ${plugin}}]\n`).problem).toContain(`${plugin} runs at Score with its PreScore disabled`)
    }
  })

  it("PostFilter: DefaultPreemption disabled; the order of DefaultPreemption and DynamicResources", () => {
    expect(pointsOf("profiles:\n- plugins:\n    postFilter:\n      disabled: [{name: DefaultPreemption}]\n")).toMatchObject({ preemption: false, dynamicResources: true })
    expect(pointsOf("profiles:\n- plugins:\n    postFilter:\n      enabled: [{name: DefaultPreemption}, {name: DynamicResources}]\n").preemptionBeforeDynamicResources).toBe(true)
    expect(errorOf(`${head}profiles:\n- plugins:\n    preFilter:\n      disabled: [{name: DynamicResources}]\n`).problem).toContain("DynamicResources runs at PostFilter")
  })

  it("reserve / permit / preBind / bind / postBind sets naming known plugins are accepted", () => {
    const p = pointsOf("profiles:\n- plugins:\n    reserve:\n      enabled: [{name: VolumeBinding}]\n    preBind:\n      disabled: [{name: '*'}]\n    bind:\n      enabled: [{name: DefaultBinder}]\n")
    expect(p.filters).toEqual(defaultFilters)
  })

  it("errors: unknown plugins, wrong extension points, duplicates, no queue sort, no binder", () => {
    const unknown = errorOf(`${head}profiles:\n- plugins:\n    multiPoint:\n      enabled: [{name: Coscheduling}]\n`)
    expect(unknown.path).toBe("sched.yaml: $.profiles[0].plugins.multiPoint.enabled[0]")
    expect(unknown.problem).toContain('plugin "Coscheduling" is not implemented by catcluster')
    expect(errorOf(`${head}profiles:\n- plugins:\n    filter:\n      enabled: [{name: Foo}]\n`).path).toBe("sched.yaml: $.profiles[0].plugins.filter.enabled[0]")
    expect(errorOf(`${head}profiles:\n- plugins:\n    score:\n      enabled: [{name: NodeName}]\n`).problem).toBe('plugin "NodeName" does not extend ScorePlugin plugin')
    expect(errorOf(`${head}profiles:\n- plugins:\n    filter:\n      disabled: [{name: '*'}]\n      enabled: [{name: NodeName}, {name: NodeName}]\n`).problem).toBe(
      'plugin "NodeName" already registered as "FilterPlugin"',
    )
    expect(errorOf(`${head}profiles:\n- plugins:\n    multiPoint:\n      enabled: [{name: NumaFit}, {name: NumaFit}]\n`).problem).toBe('plugin "NumaFit" already registered as "FilterPlugin"')
    expect(errorOf(`${head}profiles:\n- plugins:\n    queueSort:\n      disabled: [{name: PrioritySort}]\n`).problem).toBe(
      'only one queue sort plugin required for profile with scheduler name "default-scheduler", but got 0',
    )
    expect(errorOf(`${head}profiles:\n- plugins:\n    bind:\n      disabled: [{name: '*'}]\n`).problem).toBe(
      'at least one bind plugin is needed for profile with scheduler name "default-scheduler"',
    )
  })
})

describe("pluginConfig args: defaults (defaults.go)", () => {
  it("partial args are defaulted", () => {
    const p = parse(`profiles:
- pluginConfig:
  - {name: InterPodAffinity, args: {}}
  - {name: PodTopologySpread, args: {}}
  - {name: NodeResourcesFit, args: {scoringStrategy: {type: MostAllocated, resources: [{name: cpu}]}}}
  - {name: NodeResourcesBalancedAllocation, args: {resources: []}}
  - {name: NodeAffinity, args: {}}
`).profile
    expect(p.interPodAffinity).toEqual({ hardPodAffinityWeight: 1, ignorePreferredTermsOfExistingPods: false })
    expect(p.podTopologySpread).toEqual({ defaultingType: "System", defaultConstraints: [] })
    expect(p.scoringStrategy).toEqual({ type: "MostAllocated", resources: [{ name: "cpu", weight: 1 }] })
    expect(p.balancedResources).toEqual(defaultProfile.balancedResources)
    expect(p.nodeAffinity).toEqual({ addedPreferred: [] })
  })

  it("args land in the profile", () => {
    const { profile, warnings } = parse(`profiles:
- pluginConfig:
  - name: InterPodAffinity
    args: {hardPodAffinityWeight: 0, ignorePreferredTermsOfExistingPods: true}
  - name: PodTopologySpread
    args:
      defaultingType: List
      defaultConstraints:
      - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, minDomains: 2, nodeTaintsPolicy: Honor}
  - name: NodeAffinity
    args:
      addedAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/os, operator: In, values: [linux]}]}]
        preferredDuringSchedulingIgnoredDuringExecution:
        - {weight: 5, preference: {matchFields: [{key: metadata.name, operator: In, values: [a]}]}}
  - name: DefaultPreemption
    args: {minCandidateNodesPercentage: 20, minCandidateNodesAbsolute: 50}
  - name: VolumeBinding
    args: {bindTimeoutSeconds: 30}
`)
    expect(profile.interPodAffinity).toEqual({ hardPodAffinityWeight: 0, ignorePreferredTermsOfExistingPods: true })
    expect(profile.podTopologySpread).toEqual({
      defaultingType: "List",
      defaultConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", minDomains: 2, nodeTaintsPolicy: "Honor" }],
    })
    expect(profile.nodeAffinity).toEqual({
      addedRequired: [{ matchExpressions: [{ key: "kubernetes.io/os", operator: "In", values: ["linux"] }], matchFields: [] }],
      addedPreferred: [{ weight: 5, preference: { matchExpressions: [], matchFields: [{ key: "metadata.name", operator: "In", values: ["a"] }] } }],
    })
    expect(warnings.join("\n")).toMatch(/DefaultPreemptionArgs accepted: catcluster dry-runs preemption on every candidate node.*at most 50 nodes/)
    expect(warnings.join("\n")).toContain("bindTimeoutSeconds accepted")
  })
})

// [args yaml, path under $.profiles[0].pluginConfig[0].args, problem]
const invalidArgs: ReadonlyArray<readonly [string, string, string, string]> = [
  ["DefaultPreemption", "{minCandidateNodesPercentage: 101}", "minCandidateNodesPercentage", "Invalid value: 101: not in valid range [0, 100]"],
  ["DefaultPreemption", "{minCandidateNodesAbsolute: -1}", "minCandidateNodesAbsolute", "Invalid value: -1: not in valid range [0, inf)"],
  ["DefaultPreemption", "{minCandidateNodesPercentage: 0, minCandidateNodesAbsolute: 0}", "minCandidateNodesPercentage", "Invalid value: 0: cannot be zero at the same time as minCandidateNodesAbsolute"],
  ["InterPodAffinity", "{hardPodAffinityWeight: -1}", "hardPodAffinityWeight", "Invalid value: -1: not in valid range [0, 100]"],
  ["InterPodAffinity", "{hardPodAffinityWeight: 101}", "hardPodAffinityWeight", "Invalid value: 101: not in valid range [0, 100]"],
  ["PodTopologySpread", "{defaultingType: Foo}", "defaultingType", 'Unsupported value: "Foo": supported values: "System", "List"'],
  [
    "PodTopologySpread",
    "{defaultConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]}",
    "defaultingType",
    'Invalid value: "System": when .defaultConstraints are not empty',
  ],
  ["PodTopologySpread", "{defaultingType: List, defaultConstraints: [{maxSkew: 0, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]}", "defaultConstraints[0].maxSkew", "Invalid value: 0: not in valid range (0, inf)"],
  ["PodTopologySpread", "{defaultingType: List, defaultConstraints: [{maxSkew: 1, whenUnsatisfiable: DoNotSchedule}]}", "defaultConstraints[0].topologyKey", "Required value: can not be empty"],
  ["PodTopologySpread", "{defaultingType: List, defaultConstraints: [{maxSkew: 1, topologyKey: zone}]}", "defaultConstraints[0].whenUnsatisfiable", "Required value: can not be empty"],
  [
    "PodTopologySpread",
    "{defaultingType: List, defaultConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: Sometimes}]}",
    "defaultConstraints[0].whenUnsatisfiable",
    'Unsupported value: "Sometimes": supported values: "DoNotSchedule", "ScheduleAnyway"',
  ],
  [
    "PodTopologySpread",
    "{defaultingType: List, defaultConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {}}]}",
    "defaultConstraints[0].labelSelector",
    "Forbidden: constraint must not define a selector, as they deduced for each pod",
  ],
  [
    "PodTopologySpread",
    "{defaultingType: List, defaultConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}, {maxSkew: 2, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]}",
    "defaultConstraints[1]",
    'Duplicate value: "{zone, DoNotSchedule}"',
  ],
  ["PodTopologySpread", "{defaultingType: List, defaultConstraints: [{maxSkew: 1, topologyKey: 'bad key', whenUnsatisfiable: DoNotSchedule}]}", "defaultConstraints[0].topologyKey", 'Invalid value: "bad key"'],
  ["NodeResourcesFit", "{scoringStrategy: {resources: [{name: cpu}]}}", "scoringStrategy.type", 'Unsupported value: "": supported values: "LeastAllocated", "MostAllocated", "RequestedToCapacityRatio"'],
  ["NodeResourcesFit", "{scoringStrategy: {type: LeastAllocated, resources: [{name: cpu, weight: 101}]}}", "scoringStrategy.resources[0].weight", "Invalid value: 101: resource weight of cpu not in valid range (0, 100]"],
  ["NodeResourcesFit", "{scoringStrategy: {type: LeastAllocated, resources: [{name: cpu, weight: -1}]}}", "scoringStrategy.resources[0].weight", "Invalid value: -1: resource weight of cpu not in valid range (0, 100]"],
  ["NodeResourcesFit", "{scoringStrategy: {type: RequestedToCapacityRatio}}", "scoringStrategy.requestedToCapacityRatio", "Required value: must be specified when type is RequestedToCapacityRatio"],
  ["NodeResourcesFit", "{scoringStrategy: {type: MostAllocated, requestedToCapacityRatio: {shape: []}}}", "scoringStrategy.requestedToCapacityRatio", "Forbidden: must be nil when type is not RequestedToCapacityRatio"],
  ["NodeResourcesFit", "{scoringStrategy: {type: RequestedToCapacityRatio, requestedToCapacityRatio: {shape: []}}}", "scoringStrategy.requestedToCapacityRatio.shape", "Required value: at least one point must be specified"],
  [
    "NodeResourcesFit",
    "{scoringStrategy: {type: RequestedToCapacityRatio, requestedToCapacityRatio: {shape: [{utilization: 101, score: 1}]}}}",
    "scoringStrategy.requestedToCapacityRatio.shape[0].utilization",
    "Invalid value: 101: not in valid range [0, 100]",
  ],
  [
    "NodeResourcesFit",
    "{scoringStrategy: {type: RequestedToCapacityRatio, requestedToCapacityRatio: {shape: [{utilization: 10, score: 11}]}}}",
    "scoringStrategy.requestedToCapacityRatio.shape[0].score",
    "Invalid value: 11: not in valid range [0, 10]",
  ],
  [
    "NodeResourcesFit",
    "{scoringStrategy: {type: RequestedToCapacityRatio, requestedToCapacityRatio: {shape: [{utilization: 10, score: 1}, {utilization: 10, score: 2}]}}}",
    "scoringStrategy.requestedToCapacityRatio.shape[1].utilization",
    "Invalid value: 10: values must be sorted in increasing order",
  ],
  ["NodeResourcesFit", "{ignoredResourceGroups: [example.com/gpu]}", "ignoredResourceGroups[0]", `Invalid value: "example.com/gpu": resource group name can't contain '/'`],
  ["NodeResourcesFit", "{ignoredResources: ['-bad']}", "ignoredResources[0]", 'Invalid value: "-bad"'],
  ["NodeResourcesBalancedAllocation", "{resources: [{name: cpu, weight: 2}]}", "resources[0].weight", "Invalid value: 2: must be 1"],
  ["NodeResourcesBalancedAllocation", "{resources: [{name: cpu}, {name: cpu}]}", "resources[1].name", 'Duplicate value: "cpu"'],
  [
    "NodeAffinity",
    "{addedAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: Foo}]}]}}}",
    "addedAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator",
    'Unsupported value: "Foo"',
  ],
  [
    "NodeAffinity",
    "{addedAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: Exists, values: [a]}]}]}}}",
    "addedAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values",
    "values set must be empty for exists and does not exist",
  ],
  [
    "NodeAffinity",
    "{addedAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: size, operator: Gt, values: [big]}]}]}}}",
    "addedAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]",
    "for 'Gt', 'Lt' operators, the value must be an integer",
  ],
  [
    "NodeAffinity",
    "{addedAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1, preference: {matchFields: [{key: metadata.name, operator: In, values: [a, b]}]}}]}}",
    "addedAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchFields[0].values",
    "must have one element",
  ],
  ["VolumeBinding", "{bindTimeoutSeconds: -1}", "bindTimeoutSeconds", "Invalid value: -1: invalid BindTimeoutSeconds, should not be a negative value"],
  ["VolumeBinding", "{shape: [{utilization: 0, score: 10}]}", "shape", "unexpected field `shape`, remove it or turn on the feature gate StorageCapacityScoring"],
  ["DynamicResources", "{bindingTimeout: 10s}", "bindingTimeout", "Forbidden: DRADeviceBindingConditions or DRAResourceClaimDeviceStatus feature gate is disabled"],
  ["InterPodAffinity", "{hardPodAffinityWeigth: 1}", "hardPodAffinityWeigth", 'unknown field "hardPodAffinityWeigth"'],
  ["InterPodAffinity", "{kind: NodeAffinityArgs}", "", 'Invalid value: "NodeAffinityArgs": has to match plugin args'],
]

describe("pluginConfig args: validation (validation_pluginargs.go)", () => {
  for (const [plugin, args, path, problem] of invalidArgs) {
    it(`${plugin} ${args}`, () => {
      const e = errorOf(`${head}profiles:\n- pluginConfig:\n  - name: ${plugin}\n    args: ${args}\n`)
      expect(e.path).toBe(`sched.yaml: $.profiles[0].pluginConfig[0].args${path === "" ? "" : `.${path}`}`)
      expect(e.problem).toContain(problem)
    })
  }
})

describe("the configuration: validation.go and strict decoding", () => {
  it("top level", () => {
    expect(errorOf(`${head}foo: 1\n`).message).toBe('sched.yaml: $.foo: unknown field "foo"')
    expect(errorOf("apiVersion: kubescheduler.config.k8s.io/v1\nkind: Policy\n").path).toBe("sched.yaml: $.kind")
    expect(errorOf(`${head}parallelism: 0\n`).problem).toBe("Invalid value: 0: should be an integer value greater than zero")
    expect(errorOf(`${head}podInitialBackoffSeconds: 5\npodMaxBackoffSeconds: 2\n`).path).toBe("sched.yaml: $.podMaxBackoffSeconds")
    expect(errorOf(`${head}extenders: [{urlPrefix: http://x}]\n`).path).toBe("sched.yaml: $.extenders")
    expect(errorOf(`${head}profiles:\n- percentageOfNodesToScore: -1\n`).problem).toBe("Invalid value: -1: not in valid range [0-100]")
    expect(parse("parallelism: 8\nleaderElection: {leaderElect: false}\n").warnings).toEqual(["accepted, no effect on placements: parallelism, leaderElection"])
  })

  it("profiles: names, duplicates, a common queue sort, per-profile percentage", () => {
    expect(errorOf(`${head}profiles:\n- schedulerName: a\n- {}\n`).path).toBe("sched.yaml: $.profiles[1].schedulerName")
    expect(errorOf(`${head}profiles:\n- schedulerName: a\n- schedulerName: a\n`).problem).toBe('Duplicate value: "profiles[0].schedulerName"')
    expect(errorOf(`${head}profiles:\n- schedulerName: a\n- schedulerName: b\n  plugins: {queueSort: {disabled: [{name: '*'}]}}\n`).path).toBe(
      "sched.yaml: $.profiles[1].plugins.queueSort",
    )
    const { profiles, profile } = parse("percentageOfNodesToScore: 30\nprofiles:\n- schedulerName: a\n- schedulerName: b\n  percentageOfNodesToScore: 50\n")
    expect(profiles.map((p) => [p.schedulerName, p.nodesToScore])).toEqual([
      ["a", 30],
      ["b", 50],
    ])
    expect(profile.schedulerName).toBe("a")
    expect(parseSchedulerConfig(`${head}profiles:\n- schedulerName: a\n- schedulerName: b\n`, "s", "b").profile.schedulerName).toBe("b")
  })

  it("pluginConfig: duplicates, plugins without args, plugins nobody enables", () => {
    expect(errorOf(`${head}profiles:\n- pluginConfig:\n  - {name: InterPodAffinity}\n  - {name: InterPodAffinity}\n`).message).toBe(
      'sched.yaml: $.profiles[0].pluginConfig[1]: Duplicate value: "InterPodAffinity"',
    )
    expect(parse("profiles:\n- pluginConfig:\n  - {name: ImageLocality, args: {}}\n  - {name: Coscheduling, args: {x: 1}}\n").warnings).toEqual([
      "$.profiles[0].pluginConfig[0]: ImageLocality takes no args: ignored, as kube-scheduler ignores them",
      "$.profiles[0].pluginConfig[1]: args for Coscheduling, which no extension point enables: ignored, as kube-scheduler ignores them",
    ])
  })
})
