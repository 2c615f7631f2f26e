/**
 * The pure parts of PodTopologySpread the hot path reuses: Go's `math.Log` operation for
 * operation, the score kernels and the plugin's own NormalizeScore, and `helper.DefaultSelector`.
 */
import { describe, expect, it } from "vitest"
import fc from "fast-check"
import { runConfig } from "../../../src/laws/RunConfig.ts"
import {
  defaultSelector,
  frexp,
  goLog,
  normalizeSpreadScores,
  pod,
  podController,
  podServices,
  roundSpreadScore,
  spreadScoreForCount,
  topologyNormalizingWeight,
} from "../../../src/scheduler/index.ts"

/** fast-check parameters: the project's fixed seed and run count. */
const props = () => {
  const { seed, numRuns } = runConfig(200)
  return { seed, numRuns }
}

const bits = (x: number): string => {
  const v = new DataView(new ArrayBuffer(8))
  v.setFloat64(0, x)
  return v.getBigUint64(0).toString(16).padStart(16, "0")
}
const fromBits = (hex: string): number => {
  const v = new DataView(new ArrayBuffer(8))
  v.setBigUint64(0, BigInt(`0x${hex}`))
  return v.getFloat64(0)
}

describe("goLog: Go's math.Log, operation for operation", () => {
  it("its decimal constants are fdlibm's bit patterns (the hex in Go's source comments)", () => {
    expect(bits(6.93147180369123816490e-1)).toBe("3fe62e42fee00000")
    expect(bits(1.90821492927058770002e-10)).toBe("3dea39ef35793c76")
    expect(fromBits("3fe5555555555593")).toBe(6.66666666666673513e-1)
    expect(fromBits("3fc2f112df3e5244")).toBe(1.479819860511658591e-1)
  })

  it("powers of two: k·Ln2Hi − (−k·Ln2Lo) (f = 0, the polynomial vanishes)", () => {
    for (let k = -20; k <= 60; k++) expect(goLog(2 ** k)).toBe(k * 6.93147180369123816490e-1 - (0 - (0 + k * 1.90821492927058770002e-10) - 0))
  })

  it("special values as math.Log", () => {
    expect(goLog(0)).toBe(-Infinity)
    expect(goLog(-1)).toBeNaN()
    expect(goLog(Infinity)).toBe(Infinity)
    expect(goLog(Number.NaN)).toBeNaN()
    expect(goLog(1)).toBe(0)
    expect(goLog(Math.E)).toBe(1)
  })

  it("frexp: x = fraction · 2^exponent with the fraction in [½, 1), subnormals included", () => {
    expect(frexp(8)).toEqual([0.5, 4])
    expect(frexp(3)).toEqual([0.75, 2])
    expect(frexp(5e-324)).toEqual([0.5, -1073])
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: 1e300, noNaN: true }), (x) => {
        const [f, e] = frexp(x)
        return f >= 0.5 && f < 1 && f * 2 ** e === x
      }),
      props(),
    )
  })

  it("within one ulp of V8's Math.log, and not always equal to it (why goLog exists)", () => {
    // V8 keeps fdlibm's extra branches; Go does not. They disagree in the last bit at 14, so
    // topologyNormalizingWeight(12) would differ by one ulp with Math.log.
    expect(goLog(14)).not.toBe(Math.log(14))
    expect(Math.abs(goLog(14) - Math.log(14))).toBeLessThanOrEqual(Number.EPSILON * 4)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (n) => Math.abs(goLog(n) - Math.log(n)) <= Math.log(n) * Number.EPSILON),
      props(),
    )
  })
})

describe("score kernels", () => {
  it("topologyNormalizingWeight = goLog(size + 2)", () => {
    expect(topologyNormalizingWeight(0)).toBe(Math.LN2)
    expect(topologyNormalizingWeight(12)).toBe(goLog(14))
  })

  it("scoreForCount = cnt · w + (maxSkew − 1), in that order", () => {
    const w = topologyNormalizingWeight(4) // ln 6
    expect(spreadScoreForCount(2, 1, w)).toBe(2 * w)
    expect(spreadScoreForCount(3, 3, w)).toBe(3 * w + 2)
    expect(spreadScoreForCount(0, 5, w)).toBe(4)
  })

  it("rounding is half away from zero", () => {
    expect(roundSpreadScore(2.5)).toBe(3)
    expect(roundSpreadScore(2.4999999999999996)).toBe(2)
    expect(roundSpreadScore(-2.5)).toBe(-3)
  })

  it("NormalizeScore: ⌊100·(max + min − s)/max⌋, ignored nodes 0, all-zero raw scores → 100", () => {
    // upstream's 4/3/2/1 maxSkew 3 case: raw round(4·ln6 + 2) = 9, 7, 6, 4 → max 9, min 4:
    // ⌊100·(13 − s)/9⌋ = 44, 66, 77, 100
    const w = topologyNormalizingWeight(4)
    const raw = [4, 3, 2, 1].map((c) => roundSpreadScore(spreadScoreForCount(c, 3, w)))
    expect(raw).toEqual([9, 7, 6, 4])
    normalizeSpreadScores(raw, raw.length, [false, false, false, false])
    expect(raw).toEqual([44, 66, 77, 100])
    // An ignored node does not take part in min/max and gets 0.
    const withIgnored = [9, 0, 4]
    normalizeSpreadScores(withIgnored, 3, [false, true, false])
    expect(withIgnored).toEqual([44, 0, 100])
    const zeros = Int32Array.of(0, 0, 0)
    normalizeSpreadScores(zeros, 3, Uint8Array.of(0, 1, 0))
    expect([...zeros]).toEqual([100, 0, 100])
  })

  it("NormalizeScore keeps every score in 0..100 and gives the lowest raw score 100", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(100_000), { minLength: 1, maxLength: 30 }), (raw) => {
        const s = [...raw]
        normalizeSpreadScores(s, s.length, s.map(() => false))
        const lowest = raw.indexOf(Math.min(...raw))
        return s.every((v) => Number.isInteger(v) && v >= 0 && v <= 100) && s[lowest] === 100
      }),
      props(),
    )
  })
})

describe("DefaultSelector and GetPodServices (helper/spread.go)", () => {
  const p = (labels: Record<string, string>, controller?: { apiVersion: string; kind: string; name: string }) =>
    pod("test/p", {}, { labels, ...(controller === undefined ? {} : { controller }) })
  const services = [0, 1, 2].map((i) => ({ namespace: "test", name: `service-${i}`, selector: { app: `test-${i}` } }))

  it("GetPodServices: the Services of the pod's namespace whose selector matches (TestGetPodServices)", () => {
    for (let i = 0; i < 5; i++) {
      const got = podServices(p({ app: `test-${i}`, label: `label-${i}` }), services).map((s) => s.name)
      expect(got).toEqual(i < 3 ? [`service-${i}`] : [])
    }
  })

  it("a Service without selector selects nothing, an empty one everything; other namespaces never", () => {
    const subject = p({ app: "x" })
    expect(podServices(subject, [{ namespace: "test", name: "none" }])).toEqual([])
    expect(podServices(subject, [{ namespace: "test", name: "all", selector: {} }]).map((s) => s.name)).toEqual(["all"])
    expect(podServices(subject, [{ namespace: "other", name: "x", selector: { app: "x" } }])).toEqual([])
  })

  it("merges Service selectors (later ones overwrite), then a ReplicationController's map", () => {
    const subject = p({ app: "web", tier: "fe", v: "2" }, { apiVersion: "v1", kind: "ReplicationController", name: "rc" })
    const sel = defaultSelector(subject, {
      services: [
        { namespace: "test", name: "a", selector: { app: "web" } },
        { namespace: "test", name: "b", selector: { tier: "fe" } },
      ],
      controllers: [{ kind: "ReplicationController", namespace: "test", name: "rc", selector: { matchLabels: { v: "2" } } }],
    })
    expect(sel).toEqual({ matchLabels: { app: "web", tier: "fe", v: "2" } })
  })

  it("a ReplicaSet / StatefulSet selector's requirements are ANDed (a conflicting value selects nothing)", () => {
    const subject = p({ app: "web" }, { apiVersion: "apps/v1", kind: "StatefulSet", name: "ss" })
    const sel = defaultSelector(subject, {
      services: [{ namespace: "test", name: "a", selector: { app: "web" } }],
      controllers: [{ kind: "StatefulSet", namespace: "test", name: "ss", selector: { matchLabels: { app: "db" }, matchExpressions: [{ key: "x", operator: "Exists", values: [] }] } }],
    })
    expect(sel).toEqual({
      matchLabels: { app: "web" },
      matchExpressions: [
        { key: "app", operator: "In", values: ["db"] },
        { key: "x", operator: "Exists", values: [] },
      ],
    })
  })

  it("the owner must be a controller kind at its API version, present in the pod's namespace; an invalid selector adds nothing", () => {
    const rs = { kind: "ReplicaSet" as const, namespace: "test", name: "rs", selector: { matchLabels: { app: "web" } } }
    expect(podController(p({}, { apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs" }), [rs])).toBe(rs)
    expect(podController(p({}, { apiVersion: "extensions/v1beta1", kind: "ReplicaSet", name: "rs" }), [rs])).toBeUndefined()
    expect(podController(p({}, { apiVersion: "apps/v1", kind: "Deployment", name: "rs" }), [rs])).toBeUndefined()
    expect(podController(p({}, { apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs" }), [{ ...rs, namespace: "other" }])).toBeUndefined()
    const invalid = { ...rs, selector: { matchExpressions: [{ key: "app", operator: "In" as const, values: [] }] } }
    expect(defaultSelector(p({ app: "web" }, { apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs" }), { controllers: [invalid] })).toEqual({ matchLabels: {} })
  })
})
