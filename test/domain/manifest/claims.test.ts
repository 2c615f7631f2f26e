import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import * as E from "fp-ts/lib/Either.js"
import type { Monoid } from "fp-ts/lib/Monoid.js"
import { describe, expect, it } from "vitest"
import { checkWorkloadUnion, claims, totalUsageIsAFold, vmiVersusPodSpec } from "../../../src/domain/manifest/claims.ts"
import { manifestCodecs } from "../../../src/domain/manifest/Manifest.ts"
import { decodeManifests, totalUsage } from "../../../src/domain/manifest/index.ts"
import type { Manifest } from "../../../src/domain/manifest/index.ts"
import { MonoidResources, resources, subtractResources, toRecord } from "../../../src/domain/resources/index.ts"
import type { ResourceVector } from "../../../src/domain/resources/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

const run = async (id: string) => {
  const c = claims.find((x) => x.id === id)
  if (c === undefined) throw new Error(`no check for ${id}`)
  return c.check()
}

describe("claims S2.5, S2.6", () => {
  it("S2.5 fails: the VMI spec has no containers, so it does not contain a PodSpec", async () => {
    const r = await run("S2.5")
    expect(r.verdict).toBe("fails")
    const split = vmiVersusPodSpec()
    expect(split.podRequiredMissingInVmi).toEqual(["containers"])
    expect(split.shared).toEqual(expect.arrayContaining(["nodeSelector", "affinity", "tolerations", "priorityClassName", "schedulerName"]))
    expect(split.vmOnly).toEqual(expect.arrayContaining(["domain", "networks"]))
    expect(split.podOnly).toEqual(expect.arrayContaining(["containers", "initContainers", "nodeName", "priority", "overhead"]))
  })

  it("S2.6 holds with the monoid laws holding and its four kinds in the union; it fails when either does not", async () => {
    const r = await run("S2.6")
    expect(r.verdict).toBe("holds")
    expect((r.evidence as { fold: { holds: boolean } }).fold.holds).toBe(true)
    const fold = totalUsageIsAFold()
    const withoutMigration = checkWorkloadUnion(Object.keys(manifestCodecs).filter((k) => k !== "VirtualMachineInstanceMigration"), fold)
    expect(withoutMigration.verdict).toBe("fails")
    expect(withoutMigration.summary).toBe("The manifest union lacks VirtualMachineInstanceMigration of the kinds the claim names.")
    const broken = checkWorkloadUnion(Object.keys(manifestCodecs), { ...fold, holds: false, failing: "associativity", counterexample: "x" })
    expect(broken.verdict).toBe("fails")
  })

  it("the fold check catches a non-associative combination and a wrong identity", () => {
    // |a − b| pointwise: 0 is neutral and it commutes, but (2 ∘ 1) ∘ 1 = 0 ≠ 2 = 2 ∘ (1 ∘ 1)
    const distance = (a: ResourceVector, b: ResourceVector): ResourceVector =>
      new Map([...subtractResources(a, b)].map(([k, x]) => [k, x < 0n ? -x : x]))
    const r = totalUsageIsAFold({ concat: distance, empty: MonoidResources.empty }, runConfig(100))
    expect(r.holds).toBe(false)
    expect(r.failing).toBe("associativity")
    const offByOne: Monoid<ResourceVector> = { ...MonoidResources, empty: resources({ cpu: 1 }) }
    const s = totalUsageIsAFold(offByOne, runConfig(100))
    expect(s).toMatchObject({ holds: false, failing: "identity" })
    expect(s.counterexample).toBeDefined()
  })
})

const corpus = join(import.meta.dirname, "..", "..", "..", "..", "shared", "corpus")
describe.skipIf(!existsSync(corpus))("totalUsage over the Kubernetes corpus (needs ../shared/corpus)", () => {
  it("sums every pod workload: 2400m cpu, 500Mi memory, 3 dongles; VMs are skipped until Ω′", () => {
    const all: Manifest[] = []
    for (const sub of ["k8s", "kubevirt"]) {
      for (const file of readdirSync(join(corpus, sub)).filter((f) => f.endsWith(".yaml"))) {
        const r = decodeManifests(readFileSync(join(corpus, sub, file), "utf8"), file)
        if (E.isRight(r)) all.push(...r.right)
      }
    }
    const usage = totalUsage(all)
    // cpu: cpu-demo 500 + qos-demo 700 + pod-resources-demo 1000 (pod level) + php-apache 200
    // memory: memory-demo 100Mi + qos-demo 200Mi + qos-demo-2 100Mi + pod-resources-demo 100Mi
    expect(toRecord(usage.total)).toEqual({ cpu: "2400", memory: String(500 * 1024 * 1024), "example.com/dongle": "3" })
    expect(usage.counted).toBe(10) // 10 pod workloads in k8s/ (php-apache's Service is not one)
    expect(usage.skipped).toEqual(expect.arrayContaining(["VirtualMachineInstance/vmi-gpu", "Service/php-apache"]))
  })
})
