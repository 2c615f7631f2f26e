import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { claims, requestWithinLimit } from "../../../src/domain/resources/claims.ts"
import { emptyResources, fromQuantities, resourceRequirements } from "../../../src/domain/resources/index.ts"
import type { ContainerInput } from "../../../src/domain/resources/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

const run = async (id: string) => {
  const c = claims.find((x) => x.id === id)
  if (c === undefined) throw new Error(`no check for ${id}`)
  return c.check()
}

describe("claims S2.1, S2.2", () => {
  it("S2.1 is modelled: 5 of the 12 seed attributes are schedulable quantities", async () => {
    const r = await run("S2.1")
    expect(r.verdict).toBe("modelled")
    const rows = r.evidence as ReadonlyArray<{ attribute: string; schedulable: boolean; overcommittable?: boolean }>
    expect(rows).toHaveLength(12)
    expect(rows.filter((x) => x.schedulable).map((x) => x.attribute)).toEqual(["cores", "size", "type", "PCIe lane", "capacity"])
    expect(rows.find((x) => x.attribute === "PCIe lane")?.overcommittable).toBe(false)
  })

  it("S2.2 holds for Kubernetes' validation", async () => {
    expect((await run("S2.2")).verdict).toBe("holds")
  })

  it("S2.2's check catches a validator that accepts everything, with a request above its limit as counterexample", () => {
    const acceptAll: typeof resourceRequirements = (c: ContainerInput) =>
      E.right({ requests: fromQuantities(c.resources?.requests), limits: fromQuantities(c.resources?.limits) })
    const r = requestWithinLimit(acceptAll, runConfig(300))
    expect(r.verdict).toBe("fails")
    const { counterexample } = r.evidence as { counterexample: { name: string; request: string; limit: string } }
    // either a request above its limit, or a non-overcommittable resource with request ≠ limit / no limit
    const bad = counterexample.request !== "undefined" && (counterexample.limit === "undefined" || counterexample.request !== counterexample.limit)
    expect(bad).toBe(true)
  })

  it("S2.2's check catches a validator that wrongly rejects request = limit", () => {
    const strict: typeof resourceRequirements = (c, path) => {
      for (const [name, q] of Object.entries(c.resources?.requests ?? {})) {
        const limit = c.resources?.limits?.[name]
        if (limit !== undefined && q.nanos >= limit.nanos) return E.left([{ _tag: "ResourceError", path: path ?? "", resource: name, problem: "strict" }])
      }
      return E.right({ requests: emptyResources, limits: emptyResources })
    }
    const r = requestWithinLimit(strict, runConfig(300))
    expect(r.verdict).toBe("fails")
    const { counterexample } = r.evidence as { counterexample: { request: string; limit: string } }
    expect(counterexample.request).toBe(counterexample.limit)
  })
})
