/**
 * The one-line account of a profile the report and the docs print: every enabled plugin per
 * extension point, in the order it runs, with the score weights — and nothing disabled.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { defaultProfile, describeProfile, vmAwareProfile, type Profile } from "../../src/scheduler/index.ts"

describe("describeProfile", () => {
  it("names kube-scheduler v1.35's default profile plugin by plugin", () => {
    expect(describeProfile(defaultProfile)).toBe(
      "QueueSort PrioritySort; PreEnqueue SchedulingGates; " +
        "Filter NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit, VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone, PodTopologySpread, InterPodAffinity; " +
        "Score TaintToleration ×3, NodeAffinity ×2, NodeResourcesFit ×1, PodTopologySpread ×2, InterPodAffinity ×2, NodeResourcesBalancedAllocation ×1, ImageLocality ×1; " +
        "PostFilter DynamicResources, DefaultPreemption",
    )
    expect(describeProfile(vmAwareProfile)).toContain("InterPodAffinity, VmCapabilities, NumaFit;")
  })

  it("follows a configured profile: order, weights, disabled points", () => {
    const custom: Profile = {
      ...defaultProfile,
      filters: ["NodeResourcesFit", "NodeName"],
      weights: { ImageLocality: 5 },
      schedulingGates: false,
      prioritySort: false,
      dynamicResources: false,
      preemption: true,
    }
    expect(describeProfile(custom)).toBe("QueueSort none (input order); Filter NodeResourcesFit, NodeName; Score ImageLocality ×5; PostFilter DefaultPreemption")
    const bare: Profile = { ...custom, filters: [], weights: {}, preemption: false }
    expect(describeProfile(bare)).toBe("QueueSort none (input order); Filter none; Score none (the first feasible node); PostFilter none")
    expect(describeProfile({ ...bare, hasScorePlugins: true })).toContain("Score VolumeBinding (scores nothing without StorageCapacityScoring)")
    expect(describeProfile({ ...defaultProfile, preemptionBeforeDynamicResources: true })).toContain("PostFilter DefaultPreemption, DynamicResources")
  })

  it("README, the guide and `schedule --help` state the profile the code runs", async () => {
    const root = join(import.meta.dirname, "..", "..")
    const said = describeProfile(defaultProfile)
    expect(readFileSync(join(root, "README.md"), "utf8")).toContain(`> ${said}\n`)
    // the guide wraps its prose: compare word by word
    const words = (t: string) => t.replace(/\s+/g, " ")
    expect(words(readFileSync(join(root, "docs", "guide.md"), "utf8"))).toContain(`plugin for plugin (${said}), with`)
    const { Command } = await import("commander")
    const { register } = await import("../../src/cli/commands/schedule.ts")
    const program = new Command()
    register(program)
    const help = program.commands.find((c) => c.name() === "schedule")!
    let out = ""
    help.configureOutput({ writeOut: (s) => (out += s) })
    help.outputHelp()
    expect(out).toContain(said.split("; ").join("\n  "))
  })
})
