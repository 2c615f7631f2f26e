/**
 * Capacity (cluster-capacity's question) on the small cluster of drain.test.ts, where the free
 * room once everything is placed is node-a 600m/1622Mi, node-b 500m/2944Mi, node-c 2000m/6016Mi
 * (4000m and 8192Mi each; see drain.test.ts for the sums).
 */
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { decodeFiles, readModelFiles } from "../../src/cli/input.ts"
import { capacity, limitingResource, OperationsError, templateFrom } from "../../src/operations/index.ts"
import { fixtures, load, small } from "./load.ts"

const { inv, state, manifests } = load(...small)
const template = (file: string) => templateFrom(readModelFiles([join(fixtures, "templates", file)]), manifests)

describe("capacity", () => {
  it("a 1 cpu / 1Gi pod: ⌊600/1000⌋ + ⌊500/1000⌋ + ⌊2000/1000⌋ = 0 + 0 + 2 copies, cpu everywhere", () => {
    const c = capacity(inv, state, template("pod-1cpu.yaml").pod)
    expect(c.fits).toBe(2)
    expect(c.perNode.map((n) => [n.node, n.count, n.limitedBy])).toEqual([
      ["node-a", 0, "cpu"],
      ["node-b", 0, "cpu"],
      ["node-c", 2, "cpu"],
    ])
    expect(c.fillsFirst).toBe("node-c")
    expect(c.capped).toBe(false)
    // kube-scheduler's message (any PostFilter part after it is the scheduler's business)
    expect(c.stoppedBecause).toMatch(/^0\/3 nodes are available: 3 Insufficient cpu\./)
  })

  it("a 1 vCPU / 1Gi VM (halted: counted as started): memory limits, 1 + 2 + 4 = 7 copies, node-c fills first", () => {
    // launcher 100m / 1294Mi: node-a ⌊1622/1294⌋ = 1, node-b ⌊2944/1294⌋ = 2, node-c ⌊6016/1294⌋ = 4
    // (cpu would allow 6, 5 and 20). fit + balanced for the first copy:
    //   node-a 3500m/7864Mi: (12 + 4) div 2 = 8,  trunc((1 − |.875 − .9600|/2)·100) = 95 → 103
    //   node-b 3600m/6542Mi: (10 + 20) div 2 = 15, trunc((1 − |.9 − .7986|/2)·100) = 94 → 109
    //   node-c 2100m/3470Mi: (47 + 57) div 2 = 52, trunc((1 − |.525 − .4236|/2)·100) = 94 → 146
    // node-c keeps the lead for copies 2–4 (141, 125, 110 against node-b's 109), then has 840Mi
    // left: it fills first. Copy 5 goes to node-b (109 > 103); copy 6 ties node-a and node-b at
    // 103 (node-b: (7 + 4) div 2 = 5, 98), so the seeded draw orders the last two.
    const t = template("vm-small.yaml")
    expect(t.kind).toBe("VirtualMachine")
    const c = capacity(inv, state, t.pod)
    expect(c.fits).toBe(7)
    expect(c.perNode.map((n) => [n.node, n.count, n.limitedBy])).toEqual([
      ["node-a", 1, "memory"],
      ["node-b", 2, "memory"],
      ["node-c", 4, "memory"],
    ])
    expect(c.fillsFirst).toBe("node-c")
    expect([...c.fillOrder].sort()).toEqual(["node-a", "node-b", "node-c"])
  })

  it("stops at the cap and says so; nodes with room left are limited by nothing", () => {
    const c = capacity(inv, state, template("vm-small.yaml").pod, { max: 3 })
    expect(c.fits).toBe(3)
    expect(c.capped).toBe(true)
    expect(c.stoppedBecause).toBeUndefined()
    expect(c.perNode.every((n) => n.limitedBy === null)).toBe(true)
    expect(c.fillsFirst).toBeUndefined()
  })

  it("a template that is not one workload is refused, naming the file", () => {
    expect(() => templateFrom(readModelFiles([small[0]!]), manifests)).toThrow(OperationsError)
    expect(() => templateFrom(readModelFiles([small[0]!]), manifests)).toThrow(/nodes\.yaml: a template holds one workload/)
    const two = readModelFiles([join(fixtures, "templates")])
    decodeFiles(two)
    expect(() => templateFrom(two, manifests)).toThrow(/expected one Pod, .* got Pod probe, VirtualMachine small/)
  })

  it("names the limiting resource from the scheduler's reasons", () => {
    expect(limitingResource(["Insufficient cpu", "Insufficient memory"])).toBe("cpu, memory")
    expect(limitingResource(["Too many pods"])).toBe("pods")
    expect(limitingResource(["node(s) had untolerated taint {gpu: true}"])).toBe("node(s) had untolerated taint {gpu: true}")
    expect(limitingResource([])).toBeNull()
  })
})
