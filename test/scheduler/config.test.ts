/**
 * KubeSchedulerConfiguration → Profile: merging over the default profile, plugin args, and typed
 * errors naming the file and JSON path.
 */
import { describe, expect, it } from "vitest"
import { parseSchedulerConfig, SchedulerInputError } from "../../src/scheduler/index.ts"

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

describe("parseSchedulerConfig", () => {
  it("no profiles: the default profile, full scan", () => {
    const { profile } = parseSchedulerConfig(head, "sched.yaml")
    expect(profile.weights).toEqual({
      TaintToleration: 3,
      NodeAffinity: 2,
      PodTopologySpread: 2,
      InterPodAffinity: 2,
      NodeResourcesFit: 1,
      NodeResourcesBalancedAllocation: 1,
      ImageLocality: 1,
    })
    expect(profile.nodesToScore).toBe("all")
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

  it("bad input names the file and JSON path", () => {
    expect(errorOf(`${head}profiles:\n- plugins:\n    score:\n      enabled: [{name: NodeResourcesFit, weight: x}]\n`).message).toBe(
      'sched.yaml: $.profiles[0].plugins.score.enabled[0].weight: invalid value (got "x"), expected number',
    )
    expect(
      errorOf(`${head}profiles:\n- pluginConfig:\n  - name: NodeResourcesFit\n    args: {scoringStrategy: {type: RequestedToCapacityRatio, requestedToCapacityRatio: {shape: [{utilization: 50, score: 1}, {utilization: 40, score: 2}]}}}\n`).path,
    ).toBe("sched.yaml: $.profiles[0].pluginConfig[0].args.scoringStrategy.requestedToCapacityRatio.shape[1].utilization")
    expect(errorOf(`${head}profiles:\n- plugins:\n    score:\n      enabled: [{name: NodeAffinity, weight: 101}]\n`).path).toBe(
      "sched.yaml: $.profiles[0].plugins.score.enabled[0].weight",
    )
    expect(errorOf("apiVersion: v1\nkind: KubeSchedulerConfiguration\n").path).toBe("sched.yaml: $.apiVersion")
    expect(errorOf(`${head}percentageOfNodesToScore: 120\n`).path).toBe("sched.yaml: $.percentageOfNodesToScore")
  })
})
