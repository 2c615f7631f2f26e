import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  arbitraryFunction,
  coequalizer,
  colimit,
  coproducts,
  equalizer,
  finFunction,
  finFunctionUnchecked,
  finSet,
  fromLabels,
  initial,
  limit,
  labelledSet,
  NotAConeError,
  products,
  pullback,
  pushout,
  terminal,
  TooLargeError,
} from "../../../src/category/finset/index.ts"
import { runConfig } from "../../../src/laws/index.ts"

const s = finSet
const fn = (dom: number, cod: number, values: number[]) => finFunction(s(dom), s(cod), values)
const thrown = (f: () => unknown): NotAConeError => {
  try {
    f()
  } catch (e) {
    if (e instanceof NotAConeError) return e
    throw e
  }
  throw new Error("expected NotAConeError")
}

/** Two functions with a common domain and codomain, sizes up to 8. */
const parallelPair = fc
  .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 8 }))
  .chain(([a, b]) => fc.tuple(arbitraryFunction(s(a), s(b)), arbitraryFunction(s(a), s(b))))

/** Connected components of a graph on n vertices: the reference partition for quotients. */
const components = (n: number, edges: ReadonlyArray<readonly [number, number]>): number[] => {
  const comp = new Array<number>(n).fill(-1)
  const adj = Array.from({ length: n }, () => [] as number[])
  for (const [a, b] of edges) adj[a]!.push(b), adj[b]!.push(a)
  let c = 0
  for (let v = 0; v < n; v++) {
    if (comp[v]! >= 0) continue
    const stack = [v]
    comp[v] = c
    while (stack.length > 0) for (const y of adj[stack.pop()!]!) if (comp[y]! < 0) (comp[y] = c), stack.push(y)
    c++
  }
  return comp
}
const samePartition = (q: Int32Array, ref: ReadonlyArray<number>): boolean =>
  ref.every((_, x) => ref.every((__, y) => (q[x] === q[y]) === (ref[x] === ref[y])))

describe("limits", () => {
  it("n-ary products: size, projections recover coordinates, and an oversize product is refused", () => {
    const p = products([s(2), s(3), s(4)])
    expect(p.apex.size).toBe(24)
    const seen = new Set<string>()
    for (let t = 0; t < 24; t++) seen.add(p.legs.map((l) => l.map[t]).join(","))
    expect(seen.size).toBe(24) // the projections are jointly injective: tuples are distinct
    expect(p.tuple([1, 2, 3])).toBe(23)
    expect(terminal().apex.size).toBe(1)
    expect(Array.from(terminal().mediate({ apex: s(3), legs: [] }).map)).toEqual([0, 0, 0])
    expect(() => products([s(1 << 14), s(1 << 14)], 1 << 20)).toThrow(TooLargeError)
  })

  it("labels of a product are tuples of labels", () => {
    const p = products([labelledSet(["a", "b"]), labelledSet(["x"])])
    expect(p.apex.labels).toEqual(["(a, x)", "(b, x)"])
  })

  it("equalizer = the elements where f and g agree (property, against a filter)", () => {
    const { seed, numRuns } = runConfig(100)
    fc.assert(
      fc.property(parallelPair, ([f, g]) => {
        const e = equalizer(f, g)
        const expected = Array.from(f.map.keys()).filter((a) => f.map[a] === g.map[a])
        return Array.from(e.legs[0]!.map).join() === expected.join()
      }),
      { seed, numRuns },
    )
  })

  it("pullback = all pairs agreeing over C, ordered by a then b (property, against nested loops)", () => {
    const { seed, numRuns } = runConfig(100)
    const cospan = fc
      .tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 4 }))
      .chain(([a, b, c]) => fc.tuple(arbitraryFunction(s(a), s(c)), arbitraryFunction(s(b), s(c))))
    fc.assert(
      fc.property(cospan, ([f, g]) => {
        const pb = pullback(f, g)
        const expected: string[] = []
        for (let a = 0; a < f.dom.size; a++) for (let b = 0; b < g.dom.size; b++) if (f.map[a] === g.map[b]) expected.push(`${a},${b}`)
        const got = Array.from(pb.legs[0]!.map, (a, i) => `${a},${pb.legs[1]!.map[i]}`)
        // mediate of the cone (p₁, p₂) itself is the identity
        const self = pb.mediate({ apex: pb.apex, legs: pb.legs })
        return got.join(";") === expected.join(";") && self.map.every((v, i) => v === i)
      }),
      { seed, numRuns },
    )
  })

  it("mediate refuses a family that is not a cone, naming the leg or the diagram arrow", () => {
    const f = fn(2, 2, [0, 1])
    const g = fn(2, 2, [1, 1])
    const pb = pullback(f, g) // pairs (1, 0), (1, 1)
    const X = s(1)
    expect(thrown(() => pb.mediate({ apex: X, legs: [fn(1, 2, [1])] })).problem).toEqual({ kind: "legCount", expected: 3, actual: 1 })
    expect(thrown(() => pb.mediate({ apex: X, legs: [fn(1, 2, [1]), fn(2, 2, [0, 0]), fn(1, 2, [1])] })).problem).toEqual({
      kind: "legApex",
      leg: 1,
      expected: 1,
      actual: 2,
    })
    expect(thrown(() => pb.mediate({ apex: X, legs: [fn(1, 2, [1]), fn(1, 3, [0]), fn(1, 2, [1])] })).problem).toMatchObject({
      kind: "legObject",
      leg: 1,
    })
    // a = 0 maps to 0 under f but the third leg says 1: diagram arrow 0 (f : 0 → 2) fails at element 0
    const e = thrown(() => pb.mediate({ apex: X, legs: [fn(1, 2, [0]), fn(1, 2, [0]), fn(1, 2, [1])] }))
    expect(e.problem).toEqual({ kind: "notCommuting", arrow: 0, from: 0, to: 2, element: 0, left: 0, right: 1 })
    expect(e.message).toBe("pullback: not a cone over the diagram: diagram arrow 0 (0 → 2) does not commute with the legs at element 0: 0 ≠ 1")
    // a real cone is accepted
    expect(Array.from(pb.mediate({ apex: X, legs: [fn(1, 2, [1]), fn(1, 2, [1]), fn(1, 2, [1])] }).map)).toEqual([1])
  })

  it("the S1.9 reading: pods × nodes over required labels = feasible placements", () => {
    const labels = labelledSet(["ssd", "gpu", "arm"])
    const pods = labelledSet(["web", "train", "cache"])
    const nodes = labelledSet(["n1", "n2", "n3"])
    const pb = pullback(
      fromLabels(pods, labels, { web: "ssd", train: "gpu", cache: "ssd" }),
      fromLabels(nodes, labels, { n1: "ssd", n2: "gpu", n3: "ssd" }),
    )
    expect(pb.apex.labels).toEqual(["(web, n1)", "(web, n3)", "(train, n2)", "(cache, n1)", "(cache, n3)"])
  })
})

describe("general finite limits", () => {
  it("agree with pullback and equalizer on their diagrams (property)", () => {
    const { seed, numRuns } = runConfig(100)
    fc.assert(
      fc.property(parallelPair, ([f, g]) => {
        const e = equalizer(f, g)
        const general = limit(e.diagram)
        const pb = pullback(f, g)
        const generalPb = limit(pb.diagram)
        return (
          Array.from(general.legs[0]!.map).join() === Array.from(e.legs[0]!.map).join() &&
          generalPb.apex.size === pb.apex.size &&
          Array.from(generalPb.legs[0]!.map).join() === Array.from(pb.legs[0]!.map).join() &&
          Array.from(generalPb.legs[1]!.map).join() === Array.from(pb.legs[1]!.map).join()
        )
      }),
      { seed, numRuns },
    )
  })

  it("a wide pullback of three sets = the compatible families (against a triple loop); fixed points of an endomap", () => {
    const A = s(4)
    const C = s(3)
    const f0 = fn(4, 3, [0, 1, 2, 1])
    const f1 = fn(4, 3, [1, 1, 0, 2])
    const f2 = fn(4, 3, [2, 1, 1, 0])
    const wide = limit({
      objects: [A, A, A, C],
      arrows: [
        { from: 0, to: 3, arrow: f0 },
        { from: 1, to: 3, arrow: f1 },
        { from: 2, to: 3, arrow: f2 },
      ],
    })
    let expected = 0
    for (let a = 0; a < 4; a++)
      for (let b = 0; b < 4; b++) for (let c = 0; c < 4; c++) if (f0.map[a] === f1.map[b] && f1.map[b] === f2.map[c]) expected++
    expect(wide.apex.size).toBe(expected)
    expect(wide.indexOf([1, 0, 1, 1])).toBeGreaterThanOrEqual(0)
    expect(wide.indexOf([0, 0, 0, 0])).toBe(-1)
    // a one-object diagram with an endomap: its limit is the set of fixed points
    const endo = fn(5, 5, [0, 2, 2, 4, 3])
    expect(Array.from(limit({ objects: [s(5)], arrows: [{ from: 0, to: 0, arrow: endo }] }).legs[0]!.map)).toEqual([0, 2])
    expect(() => limit({ objects: [s(3), s(3)], arrows: [{ from: 0, to: 1, arrow: f0 }] })).toThrow(/diagram.arrows\[0\]/)
  })
})

describe("colimits", () => {
  it("coproducts lay parts end to end; mediate is the copairing; initial is empty", () => {
    const sum = coproducts([s(2), s(0), s(3)])
    expect(sum.nadir.size).toBe(5)
    expect(sum.offsets).toEqual([0, 2, 2])
    const u = sum.mediate({ nadir: s(2), legs: [fn(2, 2, [1, 0]), fn(0, 2, []), fn(3, 2, [0, 0, 1])] })
    expect(Array.from(u.map)).toEqual([1, 0, 0, 0, 1])
    expect(initial().nadir.size).toBe(0)
    expect(initial().mediate({ nadir: s(4), legs: [] }).map.length).toBe(0)
    expect(coproducts([labelledSet(["a"]), labelledSet(["a", "b"])]).nadir.labels).toEqual(["0.a", "1.a", "1.b"])
  })

  it("coequalizer = B modulo the equivalence generated by f(a) ~ g(a) (property, against graph components)", () => {
    const { seed, numRuns } = runConfig(100)
    fc.assert(
      fc.property(parallelPair, ([f, g]) => {
        const co = coequalizer(f, g)
        const ref = components(f.cod.size, Array.from(f.map, (x, a) => [x, g.map[a]!] as const))
        return co.nadir.size === new Set(ref).size && samePartition(co.legs[1]!.map, ref)
      }),
      { seed, numRuns },
    )
  })

  it("pushout = A + B glued along C (property, against graph components)", () => {
    const { seed, numRuns } = runConfig(100)
    const span = fc
      .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
      .chain(([c, a, b]) => fc.tuple(arbitraryFunction(s(c), s(a)), arbitraryFunction(s(c), s(b))))
    fc.assert(
      fc.property(span, ([f, g]) => {
        const po = pushout(f, g)
        const nA = f.cod.size
        const ref = components(nA + g.cod.size, Array.from(f.map, (x, c) => [x, nA + g.map[c]!] as const))
        const q = Int32Array.from([...po.legs[0]!.map, ...po.legs[1]!.map])
        return po.nadir.size === new Set(ref).size && samePartition(q, ref)
      }),
      { seed, numRuns },
    )
  })

  it("the general colimit agrees with coequalizer and pushout on their diagrams", () => {
    const { seed, numRuns } = runConfig(100)
    fc.assert(
      fc.property(parallelPair, ([f, g]) => {
        const co = coequalizer(f, g)
        const general = colimit(co.diagram)
        return general.nadir.size === co.nadir.size && samePartition(general.legs[1]!.map, Array.from(co.legs[1]!.map))
      }),
      { seed, numRuns },
    )
  })

  it("cocone errors name the leg and the diagram arrow", () => {
    const co = coequalizer(fn(1, 3, [0]), fn(1, 3, [2]))
    // k must agree on 0 and 2; k = [0, 1, 1] does not: arrow 1 (g) at element 0
    const e = (() => {
      try {
        co.mediate({ nadir: s(2), legs: [fn(1, 2, [0]), fn(3, 2, [0, 1, 1])] })
      } catch (err) {
        return err as NotAConeError
      }
      throw new Error("expected an error")
    })()
    expect(e.shape).toBe("cocone")
    expect(e.problem).toEqual({ kind: "notCommuting", arrow: 1, from: 0, to: 1, element: 0, left: 1, right: 0 })
    expect(Array.from(co.mediate({ nadir: s(2), legs: [fn(1, 2, [1]), fn(3, 2, [1, 0, 1])] }).map)).toEqual([1, 0])
  })

  it("a pushout of labelled capability sets names glued classes by their labels (S1.9, S5.1)", () => {
    const shared = labelledSet(["cpu", "memory"])
    const pod = labelledSet(["cpu", "memory", "sidecar"])
    const vm = labelledSet(["vcpu", "guest-memory", "live-migration"])
    const po = pushout(fromLabels(shared, pod, { cpu: "cpu", memory: "memory" }), fromLabels(shared, vm, { cpu: "vcpu", memory: "guest-memory" }))
    expect(po.nadir.labels).toEqual(["cpu~vcpu", "memory~guest-memory", "sidecar", "live-migration"])
  })

  it("coequalizer and pushout of 10⁵-element sets agree with the reference partition size", () => {
    const n = 100_000
    let x = 12345
    const next = () => ((x = (x * 1103515245 + 12345) >>> 0), x % n)
    const f = finFunctionUnchecked(s(n / 2), s(n), Int32Array.from({ length: n / 2 }, next))
    const g = finFunctionUnchecked(s(n / 2), s(n), Int32Array.from({ length: n / 2 }, next))
    const co = coequalizer(f, g)
    const ref = components(n, Array.from(f.map, (v, a) => [v, g.map[a]!] as const))
    expect(co.nadir.size).toBe(new Set(ref).size)
    const po = pushout(f, g)
    const refPushout = components(2 * n, Array.from(f.map, (v, c) => [v, n + g.map[c]!] as const))
    expect(po.nadir.size).toBe(new Set(refPushout).size)
  })
})

