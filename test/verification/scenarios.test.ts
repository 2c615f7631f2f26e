/**
 * Every scenario gives its expected answer, and every violation comes with the trace that shows
 * it (the checker catching the broken variants, with the counterexample asserted).
 */
import { describe, expect, it } from "vitest"
import type { Trace } from "../../src/verification/Trace.ts"
import {
  ipPool,
  ipPoolSystem,
  migrationLiveness,
  migrationSource,
  pendingVm,
  podFitsNode,
  quota,
  runScenario,
  scenarios,
  serviceHealth,
  type Scenario,
} from "../../src/verification/scenarios/index.ts"
import { check } from "../../src/verification/Check.ts"
import { always } from "../../src/verification/Formula.ts"

const outcome = (s: Scenario, name: string) => {
  const o = runScenario(s).find((x) => x.check === name)
  if (o === undefined) throw new Error(`no check ${name}`)
  return o
}
const last = (t: Trace) => t.prefix.at(-1)!.state
const allStates = (t: Trace) => [...t.prefix, ...t.cycle].map((s) => s.state)

describe("scenarios", () => {
  for (const s of scenarios) {
    it(`${s.name}: every check gives its expected answer`, () => {
      for (const o of runScenario(s)) {
        expect(o.result.status, `${s.name}/${o.check}`).toBe(o.expected)
        expect(o.result.stats.complete || o.result.status === "violated").toBe(true)
        if (o.result.status === "violated") expect(o.result.trace).toBeDefined()
      }
    })
  }

  it("S15.1: release-before-reuse is caught in 3 steps, a pod and a VMI on one address", () => {
    const o = outcome(ipPool, "release-before-reuse-bug/no-shared-ip")
    const t = o.result.trace!
    expect(t.prefix.length - 1).toBe(3)
    const end = last(t)
    const addresses = Object.entries(end)
      .filter(([k, v]) => k !== "free" && v !== "Absent")
      .map(([k, v]) => [k.startsWith("vmi") ? "vmi" : "pod", String(v).split("@")[1]] as const)
    const podIps = addresses.filter(([kind]) => kind === "pod").map(([, ip]) => ip)
    const vmiIps = addresses.filter(([kind]) => kind === "vmi").map(([, ip]) => ip)
    expect(podIps.some((ip) => vmiIps.includes(ip))).toBe(true)
    expect(t.prefix.map((s) => s.action.split(" ")[0])).toEqual(["(init)", "create", "delete", "create"])
  })

  it("S15.1: with more pods and addresses the correct IPAM still holds", () => {
    const system = ipPoolSystem({ pods: 3, vmis: 3, ips: 4, release: "after-teardown" })
    const r = check(system, always(system.noSharedIp))
    expect(r.status).toBe("holds")
    expect(r.stats.states).toBeGreaterThan(1000)
  })

  it("S15.2: the VM whose request fits no node is Pending in every state of the lasso", () => {
    const t = outcome(pendingVm, "request-fits-no-node/vm1-pending-leads-to-running").result.trace!
    for (const s of allStates(t)) expect(s["vm1"]).toBe("Pending")
    expect(t.cycle.length).toBeGreaterThan(0)
  })

  it("S15.3: the oversized pod is never Running", () => {
    const t = outcome(podFitsNode, "request-exceeds-every-node/pod1-infinitely-often-fits").result.trace!
    for (const s of allStates(t)) expect(s["pod1"]).toBe("Pending")
  })

  it("S15.4: without a liveness probe the lasso ends crashed forever", () => {
    const t = outcome(serviceHealth, "no-liveness-probe/running-leads-to-healthy").result.trace!
    expect(last(t)).toEqual({ vm: "Running", app: "Crashed" })
    expect(t.cycle.map((s) => s.action)).toEqual(["(stutter)"])
  })

  it("S15.4: a direct delete during migration reaches Terminated ∧ Active", () => {
    const t = outcome(migrationSource, "direct-delete/not-active-while-terminated").result.trace!
    expect(last(t)).toEqual({ sourcePod: "Terminated", migration: "Active" })
    expect(t.prefix.map((s) => s.action)).toEqual(["(init)", "migrate", "delete", "terminated"])
  })

  it("S9.4: check-then-act admission overshoots the hard limit", () => {
    const t = outcome(quota, "check-then-act/used-within-hard").result.trace!
    const requests = [2, 2, 3]
    const total = requests.reduce((sum, r, p) => sum + (last(t)[`pod${p}(cpu ${r})`] !== "Absent" ? r : 0), 0)
    expect(total).toBeGreaterThan(5)
  })

  it("S13.2: a non-converging migration ends Failed after its preconditions held", () => {
    const t = outcome(migrationLiveness, "non-converging/preconditions-leads-to-succeeded").result.trace!
    expect(t.prefix.map((s) => s.state["phase"])).toContain("TargetReady")
    expect(last(t)).toEqual({ phase: "Failed" })
  })
})
