/**
 * The manifest fixtures of the volume plugins (test/scheduler/fixtures/volumes/<plugin>/expected.json)
 * through `catcluster schedule --explain --json` and in-process, on both engines; every case also
 * keeps its nodes under the whole default profile.
 */
import { describe, expect, it } from "vitest"
import { caseInput, describeFamily, familyOf } from "./fixtureCases.ts"
import { scheduleBatch } from "../../src/scheduler/index.ts"

const FAMILIES = ["volumes/volume-restrictions", "volumes/node-volume-limits", "volumes/volume-binding", "volumes/volume-zone"]

for (const family of FAMILIES) {
  describeFamily(family, {
    hot: true,
    atLeast: 6,
  })
  describe(`fixtures/${family} under the whole default profile`, () => {
    // each pod has a single feasible node (or none) under its plugin, so the other default
    // filters and the scores change nothing about where it lands
    for (const c of familyOf(family).cases.filter((c) => c.config !== undefined)) {
      it(`${c.name}: every pod on the same node, with the same victims`, () => {
        const { model } = caseInput(family, c)
        const got = scheduleBatch(model.cluster, model.workload.pending, { engine: "readable" })
        const byPod = new Map(got.map((p) => [p.pod, p]))
        for (const want of c.placements) {
          const placed = byPod.get(want.pod)
          if (want.node !== undefined) expect(placed?.node, want.pod).toBe(want.node)
          if (want.nodeIn !== undefined) expect(want.nodeIn, want.pod).toContain(placed?.node)
          expect(placed?.victims, want.pod).toEqual(want.victims ?? [])
        }
      })
    }
  })
}
