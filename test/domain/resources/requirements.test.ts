import * as fc from "fast-check"
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { parseQuantity } from "../../../src/domain/quantity/index.ts"
import type { Quantity } from "../../../src/domain/quantity/index.ts"
import {
  lessOrEqual,
  podLimits,
  podRequests,
  qosClass,
  resourceRequirements,
  resources,
  equalResources,
  toRecord,
  addResources,
  maxResources,
  emptyResources,
  containerRequests,
} from "../../../src/domain/resources/index.ts"
import type { ContainerInput, PodSpecInput, ResourceVector } from "../../../src/domain/resources/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

const q = (s: string | number): Quantity => {
  const r = parseQuantity(s)
  if (E.isLeft(r)) throw new Error(r.left.problem)
  return r.right
}
const qs = (record: Record<string, string | number>): Record<string, Quantity> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, q(v)]))
const container = (requests?: Record<string, string | number>, limits?: Record<string, string | number>, restartPolicy?: string): ContainerInput => ({
  resources: { ...(requests ? { requests: qs(requests) } : {}), ...(limits ? { limits: qs(limits) } : {}) },
  ...(restartPolicy ? { restartPolicy } : {}),
})

describe("resourceRequirements (validation and defaulting)", () => {
  it("defaults a missing request to its limit", () => {
    const r = resourceRequirements(container({ cpu: "250m" }, { cpu: "1", memory: "1Gi" }))
    expect(E.isRight(r) && toRecord(r.right.requests)).toEqual({ cpu: "250", memory: "1073741824" })
  })

  it("counts 400m of memory as 1 byte and 0.5 cpu as 500m", () => {
    const r = resourceRequirements(container({ cpu: 0.5, memory: "400m" }))
    expect(E.isRight(r) && toRecord(r.right.requests)).toEqual({ cpu: "500", memory: "1" })
  })

  it.each([
    [container({ cpu: "2" }, { cpu: "1" }), "spec.containers[0].resources.requests.cpu", "must be less than or equal to cpu limit of 1"],
    [container({ "nvidia.com/gpu": 1 }), 'spec.containers[0].resources.requests["nvidia.com/gpu"]', "a limit must be set"],
    [container({ "nvidia.com/gpu": 1 }, { "nvidia.com/gpu": 2 }), 'spec.containers[0].resources.requests["nvidia.com/gpu"]', "must be equal to nvidia.com/gpu limit of 2"],
    [container({ "hugepages-2Mi": "4Mi", memory: "1Gi" }, { "hugepages-2Mi": "8Mi" }), "spec.containers[0].resources.requests.hugepages-2Mi", "must be equal to hugepages-2Mi limit of 8Mi"],
    [container(undefined, { "hugepages-2Mi": "8Mi" }), "spec.containers[0].resources", "hugepages require a cpu or memory"],
    [container({ cpu: "-1" }), "spec.containers[0].resources.requests.cpu", "greater than or equal to 0"],
    [container({ "nvidia.com/gpu": "0.5" }, { "nvidia.com/gpu": "0.5" }), 'spec.containers[0].resources.limits["nvidia.com/gpu"]', "must be an integer"],
    [container({ gpu: 1 }), "spec.containers[0].resources.requests.gpu", "unsupported resource name"],
    [container({ storage: "1Gi" }), "spec.containers[0].resources.requests.storage", "unsupported resource name"],
  ])("rejects %#: %s", (c, path, problem) => {
    const r = resourceRequirements(c, "spec.containers[0]")
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r)) expect(r.left).toContainEqual(expect.objectContaining({ path, problem: expect.stringContaining(problem) }))
  })

  it("accepts extended resources given as a limit only (request defaults to it)", () => {
    const r = resourceRequirements(container(undefined, { "nvidia.com/gpu": 2, "devices.kubevirt.io/kvm": 1 }))
    expect(E.isRight(r) && toRecord(r.right.requests)).toEqual({ "devices.kubevirt.io/kvm": "1", "nvidia.com/gpu": "2" })
  })

  it("property: an accepted container has requests ≤ limits on every limited resource; a request above its limit is rejected", () => {
    const { seed, numRuns } = runConfig(200)
    const amount = fc.integer({ min: 0, max: 4000 }).map((n) => `${n}m`)
    fc.assert(
      fc.property(fc.option(amount, { nil: undefined }), fc.option(amount, { nil: undefined }), (request, limit) => {
        const c = container(request === undefined ? undefined : { cpu: request }, limit === undefined ? undefined : { cpu: limit })
        const r = resourceRequirements(c)
        const above = request !== undefined && limit !== undefined && q(request).nanos > q(limit).nanos
        expect(E.isLeft(r)).toBe(above)
        if (E.isRight(r)) expect(lessOrEqual(r.right.requests, limit === undefined ? r.right.requests : r.right.limits)).toBe(true)
      }),
      { seed, numRuns },
    )
  })
})

describe("podRequests (init containers, sidecars, overhead, pod-level)", () => {
  const cpu = (r: ResourceVector): bigint | undefined => r.get("cpu")

  it("plain init containers: max(Σ containers, largest init)", () => {
    const spec: PodSpecInput = {
      containers: [container({ cpu: "1", memory: "1Gi" }), container({ cpu: "500m" })],
      initContainers: [container({ cpu: "2" }), container({ memory: "2Gi" })],
    }
    // cpu: max(1000 + 500, 2000) = 2000; memory: max(1Gi, 2Gi) = 2Gi
    expect(toRecord(podRequests(spec))).toEqual({ cpu: "2000", memory: String(2 * 1024 ** 3) })
  })

  it("restartable sidecars run beside later init containers and the app", () => {
    const spec: PodSpecInput = {
      containers: [container({ cpu: "1" })],
      initContainers: [
        container({ cpu: "1" }, undefined, "Always"), // sidecar A
        container({ cpu: "5" }), // runs next to A: 5 + 1 = 6
        container({ cpu: "2" }, undefined, "Always"), // sidecar B: A + B = 3
      ],
      overhead: qs({ cpu: "250m" }),
    }
    // steady = app 1 + A 1 + B 2 = 4; init peak = 6; max = 6; + overhead 0.25
    expect(cpu(podRequests(spec))).toBe(6250n)
    expect(cpu(podRequests(spec, { excludeOverhead: true }))).toBe(6000n)
    const lighter: PodSpecInput = { ...spec, initContainers: [spec.initContainers![0]!, container({ cpu: "2" }), spec.initContainers![2]!] }
    // init peak = 2 + 1 = 3 < steady 4
    expect(cpu(podRequests(lighter, { excludeOverhead: true }))).toBe(4000n)
  })

  it("overhead goes onto limits only where a non-zero limit exists", () => {
    const spec: PodSpecInput = {
      containers: [container({ cpu: "1" }, { cpu: "2" }), container({ memory: "1Gi" }), container(undefined, { "ephemeral-storage": 0 })],
      overhead: qs({ cpu: "100m", memory: "64Mi", "ephemeral-storage": "1Gi" }),
    }
    expect(toRecord(podLimits(spec))).toEqual({ cpu: "2100", "ephemeral-storage": "0" })
    expect(toRecord(podRequests(spec))).toEqual({ cpu: "1100", "ephemeral-storage": String(1024 ** 3), memory: String(1024 ** 3 + 64 * 1024 ** 2) })
  })

  it("pod-level requests override cpu and memory", () => {
    const spec: PodSpecInput = {
      resources: { requests: qs({ cpu: "1", memory: "100Mi" }), limits: qs({ cpu: "1", memory: "200Mi" }) },
      containers: [container({ cpu: "0.5", memory: "50Mi" }, { cpu: "0.5", memory: "100Mi" }), container()],
    }
    expect(toRecord(podRequests(spec))).toEqual({ cpu: "1000", memory: String(100 * 1024 ** 2) })
    expect(toRecord(podRequests(spec, { podLevelResources: false }))).toEqual({ cpu: "500", memory: String(50 * 1024 ** 2) })
    expect(qosClass(spec)).toBe("Burstable")
  })

  it("property: without sidecars the request is the pointwise max of Σ containers and each init container", () => {
    const { seed, numRuns } = runConfig(150)
    const c = fc.record({ cpu: fc.integer({ min: 0, max: 8000 }), mem: fc.integer({ min: 0, max: 1 << 30 }) }).map(({ cpu, mem }) => container({ cpu: `${cpu}m`, memory: mem }))
    fc.assert(
      fc.property(fc.array(c, { minLength: 1, maxLength: 5 }), fc.array(c, { maxLength: 4 }), (cs, inits) => {
        const sum = cs.map(containerRequests).reduce(addResources, emptyResources)
        const expected = inits.map(containerRequests).reduce(maxResources, sum)
        expect(equalResources(podRequests({ containers: cs, initContainers: inits }), expected)).toBe(true)
        // reordering regular containers changes nothing
        expect(equalResources(podRequests({ containers: [...cs].reverse(), initContainers: inits }), expected)).toBe(true)
      }),
      { seed, numRuns },
    )
  })
})

describe("qosClass", () => {
  it.each([
    [{ containers: [container({ cpu: "700m", memory: "200Mi" }, { cpu: "700m", memory: "200Mi" })] }, "Guaranteed"],
    [{ containers: [container(undefined, { cpu: "700m", memory: "200Mi" })] }, "Guaranteed"],
    [{ containers: [container({ memory: "100Mi" }, { memory: "200Mi" })] }, "Burstable"],
    [{ containers: [container({ cpu: "1" }, { cpu: "1" })] }, "Burstable"],
    [{ containers: [container()] }, "BestEffort"],
    [{ containers: [container({ "nvidia.com/gpu": 1 }, { "nvidia.com/gpu": 1 })] }, "BestEffort"],
    [{ containers: [container({ cpu: "1", memory: "1Gi" }, { cpu: "1", memory: "1Gi" })], initContainers: [container({ cpu: "1" })] }, "Burstable"],
    // exact comparison: 0.5 bytes and 1 byte are different amounts even though both count as 1 byte
    [{ containers: [container({ cpu: "1", memory: "0.5" }, { cpu: "1", memory: "1" })] }, "Burstable"],
  ] as ReadonlyArray<readonly [PodSpecInput, string]>)("%# → %s", (spec, expected) => {
    expect(qosClass(spec)).toBe(expected)
  })
})

it("resources() builds vectors from records", () => {
  expect(toRecord(resources({ cpu: 1, memory: 2n }))).toEqual({ cpu: "1", memory: "2" })
})
