import * as fc from "fast-check"
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { decodeManifests, decodeManifestValue, ofKind, rawNode, rawPod } from "../../../src/domain/manifest/index.ts"
import { podRequests } from "../../../src/domain/resources/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

/** Milli-cores written as "<n>m" in a raw container, else 0. */
const milli = (c: unknown): number => {
  const cpu = (c as { resources?: { requests?: { cpu?: string } } }).resources?.requests?.cpu
  return cpu === undefined ? 0 : Number(cpu.slice(0, -1))
}

describe("raw manifest generators", () => {
  const { seed, numRuns } = runConfig(150)

  it("every generated pod and node decodes, from a value and from its JSON text, with no unknown field", () => {
    fc.assert(
      fc.property(rawPod, rawNode, (pod, node) => {
        const fromValue = decodeManifestValue({ apiVersion: "v1", kind: "List", items: [pod, node] })
        const fromText = decodeManifests(JSON.stringify(pod) + "\n---\n" + JSON.stringify(node), "gen.json")
        for (const r of [fromValue, fromText]) {
          expect(E.isRight(r)).toBe(true)
          if (E.isRight(r)) expect(r.right.flatMap((m) => m.unknownFields)).toEqual([])
        }
      }),
      { seed, numRuns },
    )
  })

  it("the decoded pod's cpu request follows the sidecar rule, computed here on plain numbers", () => {
    fc.assert(
      fc.property(rawPod, (raw) => {
        const r = decodeManifestValue(raw)
        if (E.isLeft(r)) return false
        const pod = ofKind("Pod")(r.right)[0]!
        const spec = raw["spec"] as { containers: unknown[]; initContainers?: Array<{ restartPolicy?: string }> }
        let steady = spec.containers.reduce<number>((s, c) => s + milli(c), 0)
        let sidecars = 0
        let peak = 0
        for (const c of spec.initContainers ?? []) {
          if (c.restartPolicy === "Always") {
            sidecars += milli(c)
            peak = Math.max(peak, sidecars)
          } else peak = Math.max(peak, milli(c) + sidecars)
        }
        steady += sidecars
        return (podRequests(pod.spec).get("cpu") ?? 0n) === BigInt(Math.max(steady, peak))
      }),
      { seed, numRuns },
    )
  })
})
