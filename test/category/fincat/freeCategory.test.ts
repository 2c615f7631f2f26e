import { describe, expect, it } from "vitest"
import { checkTableLaws, freeCategory, type GraphInput } from "../../../src/category/fincat/index.ts"

/** S3.1, the seed's Pod machine: Pending → Running → Succeeded | Failed; any → Terminating. */
const pod: GraphInput = {
  name: "Pod",
  objects: ["Pending", "Running", "Succeeded", "Failed", "Terminating"],
  arrows: [
    { name: "start", dom: "Pending", cod: "Running" },
    { name: "succeed", dom: "Running", cod: "Succeeded" },
    { name: "fail", dom: "Running", cod: "Failed" },
    { name: "terminatePending", dom: "Pending", cod: "Terminating" },
    { name: "terminateRunning", dom: "Running", cod: "Terminating" },
    { name: "terminateSucceeded", dom: "Succeeded", cod: "Terminating" },
    { name: "terminateFailed", dom: "Failed", cod: "Terminating" },
  ],
}

/** S3.2, the seed's VM machine: has cycles (pause/resume, migrate/return, stop/start). */
const vm: GraphInput = {
  name: "VM",
  objects: ["Stopped", "Starting", "Running", "Paused", "Migrating", "Stopping"],
  arrows: [
    { name: "start", dom: "Stopped", cod: "Starting" },
    { name: "started", dom: "Starting", cod: "Running" },
    { name: "pause", dom: "Running", cod: "Paused" },
    { name: "resume", dom: "Paused", cod: "Running" },
    { name: "migrate", dom: "Running", cod: "Migrating" },
    { name: "migrated", dom: "Migrating", cod: "Running" },
    { name: "stop", dom: "Running", cod: "Stopping" },
    { name: "stopped", dom: "Stopping", cod: "Stopped" },
  ],
}

/** Number of paths x → y in a DAG by dynamic programming over a topological order (independent of FinCat). */
const countPaths = (g: GraphInput, x: string, y: string): number => {
  const memo = new Map<string, number>()
  const from = (v: string): number => {
    if (memo.has(v)) return memo.get(v)!
    const n = (v === y ? 1 : 0) + g.arrows.filter((a) => a.dom === v).reduce((s, a) => s + from(a.cod), 0)
    memo.set(v, n)
    return n
  }
  return from(x)
}

describe("free category on a graph", () => {
  it("is finite on an acyclic state machine, with hom-sets = paths", () => {
    const P = freeCategory(pod)
    expect(P.size).toBe("finite")
    expect(P.cycle).toBeUndefined()
    const C = P.finite!
    for (const x of pod.objects)
      for (const y of pod.objects) expect(C.homCount(C.objectId(x), C.objectId(y)), `${x}→${y}`).toBe(countPaths(pod, x, y))
    expect(C.homCount(C.objectId("Pending"), C.objectId("Terminating"))).toBe(4)
    expect(checkTableLaws(C)._tag).toBe("Holds")
  })

  it("is infinite on a cyclic one, with a cycle as witness", () => {
    const V = freeCategory(vm)
    expect(V.size).toBe("infinite")
    expect(V.finite).toBeUndefined()
    const cycle = V.path(V.cycle!)
    expect(cycle.dom).toBe(cycle.cod)
    expect(cycle.word.length).toBeGreaterThan(0)
  })

  it("enumerates paths up to a length bound, in shortlex order", () => {
    const V = freeCategory(vm)
    const r = V.objectId("Running")
    const { paths, complete } = V.paths(r, r, 4)
    expect(complete).toBe(true)
    // id, the 2 round trips of length 2, then the 2·2 pairs of them and the stop/start cycle (length 4)
    expect(paths.map(V.showArrow)).toEqual([
      "id_Running",
      "resume∘pause",
      "migrated∘migrate",
      "resume∘pause∘resume∘pause",
      "migrated∘migrate∘resume∘pause",
      "resume∘pause∘migrated∘migrate",
      "migrated∘migrate∘migrated∘migrate",
      "started∘start∘stopped∘stop",
    ])
    expect(V.paths(r, r, 40, 10)).toMatchObject({ complete: false })
  })

  it("composes paths by concatenation and compares them exactly", () => {
    const V = freeCategory(vm)
    const a = V.path(["pause", "resume"])
    const b = V.path(["migrate", "migrated"])
    expect(V.equalArrows(V.compose(b, a), V.path(["pause", "resume", "migrate", "migrated"]))).toEqual({ equal: true })
    expect(V.equalArrows(V.compose(b, a), V.compose(a, b)).equal).toBe(false)
    expect(V.reachable(V.objectId("Paused")).map(V.showObject)).toEqual(vm.objects)
  })

  it("rejects a transition to an unknown state with its JSON path", () => {
    expect(() => freeCategory({ ...pod, arrows: [...pod.arrows, { name: "x", dom: "Running", cod: "Gone" }] })).toThrow(
      "arrows[7].cod: unknown object 'Gone'",
    )
  })
})
