import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runConfig } from "../../src/laws/RunConfig.ts"
import { encode, getField, layout, setField } from "../../src/verification/Layout.ts"
import { StateSet } from "../../src/verification/StateSet.ts"

describe("StateSet (open addressing on typed arrays)", () => {
  it("stores each distinct vector once, finds it again, and keeps first parents, across growth", () => {
    const { seed, numRuns } = runConfig(60)
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 }), { minLength: 0, maxLength: 400 }),
        (width, vectors) => {
          const set = new StateSet(width, 16) // tiny start: forces several doublings
          const reference = new Map<string, number>()
          vectors.forEach((v, i) => {
            const words = Int32Array.from(v.slice(0, width))
            const key = Array.from(words).join(",")
            const r = set.add(words, 0, i, i % 7)
            const known = reference.get(key)
            if (known === undefined) {
              expect(r).toBe(reference.size)
              reference.set(key, r)
            } else expect(r).toBe(-1 - known)
          })
          expect(set.count).toBe(reference.size)
          for (const [key, index] of reference) {
            expect(set.indexOf(Int32Array.from(key.split(",").map(Number)))).toBe(index)
            expect(Array.from(set.states.subarray(index * width, (index + 1) * width)).join(",")).toBe(key)
          }
          expect(set.indexOf(Int32Array.from({ length: width }, () => 99))).toBe(-1)
        },
      ),
      { seed, numRuns },
    )
  })

  it("the one-word fast path agrees with the general path (same slots, same indices)", () => {
    const { seed, numRuns } = runConfig(60)
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer(), fc.boolean()), { maxLength: 300 }), (ops) => {
        const set = new StateSet(1, 16)
        const reference = new Map<number, number>()
        for (const [word, fast] of ops) {
          const r = fast ? set.addWord(word, 0, 0) : set.add(Int32Array.of(word), 0, 0, 0)
          const known = reference.get(word)
          if (known === undefined) {
            expect(r).toBe(reference.size)
            reference.set(word, r)
          } else expect(r).toBe(-1 - known)
        }
        for (const [word, index] of reference) expect(set.indexOf(Int32Array.of(word))).toBe(index)
      }),
      { seed, numRuns },
    )
  })

  it("reconstructs paths through parents", () => {
    const set = new StateSet(1)
    const a = set.add(Int32Array.of(10), 0, -1, 0)
    const b = set.add(Int32Array.of(20), 0, a, 1)
    const c = set.add(Int32Array.of(30), 0, b, 2)
    expect(set.pathTo(c)).toEqual([a, b, c])
    expect(Array.from(set.action.subarray(0, 3))).toEqual([0, 1, 2])
  })

  it("scales past a million one-word states at under 32 bytes each", () => {
    const set = new StateSet(1)
    const w = new Int32Array(1)
    for (let i = 0; i < 1_200_000; i++) {
      w[0] = Math.imul(i, 0x9e3779b1)
      set.add(w, 0, i - 1, 0)
    }
    expect(set.count).toBe(1_200_000)
    expect(set.bytes / set.count).toBeLessThan(32)
  })
})

describe("Layout (bit-packed fields)", () => {
  it("reads back every field written, and fields never disturb each other", () => {
    const { seed, numRuns } = runConfig(100)
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 12 }).chain((sizes) =>
          fc.tuple(fc.constant(sizes), fc.tuple(...sizes.map((s) => fc.integer({ min: 0, max: s - 1 })))),
        ),
        ([sizes, values]) => {
          const l = layout(sizes.map((values, i) => ({ name: `f${i}`, values })))
          const words = Int32Array.from(encode(l, values))
          l.fields.forEach((f, i) => expect(getField(words, 0, f)).toBe(values[i]))
          // rewrite the first field; the others must not move
          const first = l.fields[0]!
          setField(words, 0, first, (values[0]! + 1) % sizes[0]!)
          l.fields.slice(1).forEach((f, i) => expect(getField(words, 0, f)).toBe(values[i + 1]))
        },
      ),
      { seed, numRuns },
    )
  })

  it("rejects a field with no values, naming it", () => {
    expect(() => layout([{ name: "ok", values: 2 }, { name: "bad", values: 0 }])).toThrow(/fields\[1\] \(bad\)/)
  })
})
