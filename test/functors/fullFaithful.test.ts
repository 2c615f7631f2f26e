import { describe, expect, it } from "vitest"
import { identityFunctor } from "../../src/functors/Functor.ts"
import { isFaithful, isFull, type FiniteFunctor } from "../../src/functors/FullFaithful.ts"
import { freeCategory, thin, type Path, type ThinArrow } from "./fixtures.ts"

// Container lifecycle vs VM lifecycle: the VM side has one more way from Running to Running′
// (a live migration) that no container transition maps to.
const containers = freeCategory("K8sNative", ["Pending", "Running", "Stopped"], [
  { name: "start", dom: "Pending", cod: "Running" },
  { name: "stop", dom: "Running", cod: "Stopped" },
])
const vms = freeCategory("KubeVirt", ["Pending", "Running", "Stopped"], [
  { name: "start", dom: "Pending", cod: "Running" },
  { name: "stop", dom: "Running", cod: "Stopped" },
  { name: "migrateAndStop", dom: "Running", cod: "Stopped" },
])
const compatibility: FiniteFunctor<string, Path, string, Path> = {
  name: "F",
  source: containers,
  target: vms,
  onObjects: (x) => x,
  onArrows: (f) => f,
}

describe("full and faithful", () => {
  it("the identity functor is full and faithful, counting every hom-set", () => {
    const I = identityFunctor(vms) as FiniteFunctor<string, Path, string, Path>
    expect(isFaithful(I)).toEqual({ _tag: "Faithful", homSets: 9, arrows: 3 + 3 + 2 }) // identities, generators, two composites
    expect(isFull(I)).toMatchObject({ _tag: "Full", homSets: 9 })
  })

  it("an inclusion is faithful but not full: the first missing arrow comes with its hom-set", () => {
    expect(isFaithful(compatibility)._tag).toBe("Faithful")
    // hom-sets are visited in object order, so Pending → Stopped is the first to miss an arrow
    expect(isFull(compatibility)).toMatchObject({
      _tag: "NotFull",
      x: "Pending",
      y: "Stopped",
      missing: "migrateAndStop∘start",
      targetHom: ["stop∘start", "migrateAndStop∘start"],
      images: ["stop∘start"],
    })
    const fromRunning = isFull({ ...compatibility, source: { ...containers, objects: () => ["Running", "Stopped"] } })
    expect(fromRunning).toMatchObject({ x: "Running", y: "Stopped", missing: "migrateAndStop", targetHom: ["stop", "migrateAndStop"] })
  })

  it("collapsing two parallel arrows is full but not faithful: both arrows and the image are named", () => {
    const order = thin<string>("Pending ≤ Running ≤ Stopped", ["Pending", "Running", "Stopped"], (x, y) =>
      ["Pending", "Running", "Stopped"].indexOf(x) <= ["Pending", "Running", "Stopped"].indexOf(y),
    )
    const collapse: FiniteFunctor<string, Path, string, ThinArrow<string>> = {
      name: "reachability",
      source: vms,
      target: order,
      onObjects: (x) => x,
      onArrows: (f) => [f.dom, f.cod],
    }
    expect(isFull(collapse)._tag).toBe("Full")
    expect(isFaithful(collapse)).toMatchObject({
      _tag: "NotFaithful",
      x: "Pending",
      y: "Stopped",
      arrows: ["stop∘start", "migrateAndStop∘start"],
      image: "Pending≤Stopped",
    })
  })
})
