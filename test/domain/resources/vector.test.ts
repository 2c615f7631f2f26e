import * as fc from "fast-check"
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { assertLaws, categoryLaws, failures, runSuite, sampled } from "../../../src/laws/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"
import type { Category } from "../../../src/category/Category.ts"
import { NotComposableError } from "../../../src/category/Category.ts"
import {
  addResources,
  equalResources,
  isExtendedResource,
  isOvercommittable,
  lessOrEqual,
  maxResources,
  resourceArrow,
  ResourceOrder,
  resources,
  resourceVector,
  showResources,
  subtractResources,
} from "../../../src/domain/resources/index.ts"
import type { ResourceArrow, ResourceVector } from "../../../src/domain/resources/index.ts"

const config = runConfig(200)
const { seed, numRuns } = config

describe("resource names", () => {
  it.each([
    ["cpu", true, false],
    ["memory", true, false],
    ["ephemeral-storage", true, false],
    ["pods", true, false],
    ["hugepages-2Mi", false, false],
    ["hugepages-1Gi", false, false],
    ["nvidia.com/gpu", false, true],
    ["devices.kubevirt.io/kvm", false, true],
    ["example.com/dongle", false, true],
    ["kubernetes.io/something", true, false],
  ])("%s: overcommittable %s, extended %s", (name, over, extended) => {
    expect(isOvercommittable(name)).toBe(over)
    expect(isExtendedResource(name)).toBe(extended)
  })
})

describe("resource vectors", () => {
  const vec = resourceVector(1n << 20n)

  it("absent counts as 0 for order and equality, but an explicit 0 is kept", () => {
    expect(equalResources(resources({ cpu: 0 }), resources({}))).toBe(true)
    expect(resources({ cpu: 0 }).has("cpu")).toBe(true)
    expect(lessOrEqual(resources({ cpu: 500 }), resources({ cpu: 1000, memory: 1 }))).toBe(true)
    expect(lessOrEqual(resources({ "nvidia.com/gpu": 1 }), resources({ cpu: 1000 }))).toBe(false)
    expect(lessOrEqual(resources({}), resources({ cpu: -1 }))).toBe(false)
    expect(showResources(resources({ cpu: 250, memory: 128n << 20n, "nvidia.com/gpu": 1 }))).toBe("cpu=250m memory=128Mi nvidia.com/gpu=1")
  })

  it("≤ is a preorder compatible with + and max is its join", () => {
    fc.assert(
      fc.property(vec, vec, vec, (a, b, c) => {
        expect(lessOrEqual(a, a)).toBe(true)
        if (lessOrEqual(a, b) && lessOrEqual(b, c)) expect(lessOrEqual(a, c)).toBe(true)
        expect(lessOrEqual(a, addResources(a, b))).toBe(true)
        if (lessOrEqual(a, b)) expect(lessOrEqual(addResources(a, c), addResources(b, c))).toBe(true)
        const m = maxResources(a, b)
        expect(lessOrEqual(a, m) && lessOrEqual(b, m)).toBe(true)
        if (lessOrEqual(a, c) && lessOrEqual(b, c)) expect(lessOrEqual(m, c)).toBe(true)
        expect(equalResources(subtractResources(addResources(a, b), b), a)).toBe(true)
      }),
      { seed, numRuns },
    )
  })
})

describe("the thin category Res≤", () => {
  /** Chains x ≤ y ≤ z ≤ w built by adding non-negative vectors. */
  const chain = fc.tuple(resourceVector(1n << 20n), resourceVector(1n << 10n), resourceVector(1n << 10n), resourceVector(1n << 10n)).map(([x, d1, d2, d3]) => {
    const y = addResources(x, d1)
    const z = addResources(y, d2)
    return [x, y, z, addResources(z, d3)] as const
  })
  const arrow = (a: ResourceVector, b: ResourceVector): ResourceArrow => ({ from: a, to: b })
  const carriers = {
    arrows: sampled(chain.map(([x, y]) => arrow(x, y))),
    pairs: sampled(chain.map(([x, y, z]) => [arrow(x, y), arrow(y, z)] as const)),
    triples: sampled(chain.map(([x, y, z, w]) => [arrow(x, y), arrow(y, z), arrow(z, w)] as const)),
  }

  it("satisfies the category laws (sampled)", () => {
    assertLaws(runSuite(categoryLaws(ResourceOrder, carriers), { config }))
  })

  it("the law suite catches a composite that forgets its domain", () => {
    const broken: Category<ResourceVector, ResourceArrow> = { ...ResourceOrder, compose: (g) => ({ from: g.from, to: g.to }) }
    const failed = failures(runSuite(categoryLaws(broken, carriers), { config }))
    const domain = failed.find((f) => f.law === "category.compositeDomain")
    expect(domain).toBeDefined()
    const [f, g] = domain!.counterexample.value as [ResourceArrow, ResourceArrow]
    // shrunk to a pair whose middle object differs from the start
    expect(equalResources(f.from, g.from)).toBe(false)
  })

  it("arrows exist exactly when ≤ holds, and composing checks that they meet", () => {
    fc.assert(
      fc.property(resourceVector(1000n), resourceVector(1000n), (a, b) => E.isRight(resourceArrow(a, b)) === lessOrEqual(a, b)),
      { seed, numRuns },
    )
    const missing = resourceArrow(resources({ cpu: 1500, memory: 10 }), resources({ cpu: 1000, memory: 10 }))
    expect(missing).toMatchObject(E.left({ _tag: "NotLessOrEqual", exceeding: [{ name: "cpu", amount: 1500n, bound: 1000n }] }))
    const f = arrow(resources({ cpu: 1 }), resources({ cpu: 2 }))
    const g = arrow(resources({ cpu: 3 }), resources({ cpu: 4 }))
    expect(() => ResourceOrder.compose(g, f)).toThrow(NotComposableError)
  })
})
