/**
 * The light decoding walk (`fastDecode`) against io-ts itself: for every kind's codec, on
 * generated manifests with random edits (unknown keys, values of the wrong type, nulls, deep
 * values) and on every document of the shared corpus, it decodes exactly when io-ts does, to
 * the same value, with the same unknown fields.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import * as fc from "fast-check"
import * as t from "io-ts"
import { parseAllDocuments } from "yaml"
import { describe, expect, it } from "vitest"
import { fastDecode, manifestCodecs, rawNode, rawPod, unknownFields } from "../../../src/domain/manifest/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

const agrees = (codec: t.Mixed, value: unknown): void => {
  const slow = codec.decode(value)
  const fast = fastDecode(codec, value)
  if (slow._tag === "Left") {
    expect(fast, `io-ts refuses ${JSON.stringify(value).slice(0, 300)}`).toBeUndefined()
    return
  }
  expect(fast, `io-ts decodes ${JSON.stringify(value).slice(0, 300)}`).toBeDefined()
  expect(fast?.value).toEqual(slow.right)
  expect(fast?.unknownFields).toEqual(unknownFields(codec, value))
}

/** Every object or array inside a value, with a way to set one of its entries. */
const containers = (value: unknown): Array<Record<string, unknown> | unknown[]> => {
  const out: Array<Record<string, unknown> | unknown[]> = []
  const walk = (v: unknown): void => {
    if (typeof v !== "object" || v === null) return
    out.push(v as Record<string, unknown>)
    for (const child of Object.values(v)) walk(child)
  }
  walk(value)
  return out
}

/** A manifest with up to three edits: a new key, or an existing entry replaced by any JSON value. */
const edited = (base: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .tuple(
      base,
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.oneof(fc.constantFrom("foo", "limits", "cpu", "name", "spec", "nodeName"), fc.string()), fc.jsonValue({ maxDepth: 2 })), { maxLength: 3 }),
    )
    .map(([value, edits]) => {
      const copy = structuredClone(value)
      for (const [where, which, add, key, replacement] of edits) {
        const all = containers(copy)
        const target = all[where % all.length]!
        if (Array.isArray(target)) {
          if (target.length > 0) target[which % target.length] = replacement
        } else {
          const keys = Object.keys(target)
          const k = add || keys.length === 0 ? key : keys[which % keys.length]!
          if (k !== "__proto__") target[k] = replacement
        }
      }
      return copy
    })

describe("fastDecode: the same answer as io-ts and unknownFields", () => {
  const { seed, numRuns } = runConfig(300)

  it("on generated pods and nodes with random edits (wrong types, unknown keys, any JSON)", () => {
    let refused = 0
    let decoded = 0
    fc.assert(
      fc.property(edited(rawPod), edited(rawNode), (pod, node) => {
        agrees(manifestCodecs.Pod, pod)
        agrees(manifestCodecs.Node, node)
        if (manifestCodecs.Pod.decode(pod)._tag === "Left") refused++
        else decoded++
      }),
      { seed, numRuns },
    )
    // both outcomes were exercised: a generator that only makes valid (or only broken) pods checks half
    expect(refused).toBeGreaterThan(0)
    expect(decoded).toBeGreaterThan(0)
  })

  it("on small codecs of every shape it walks: intersections, unions, records, refinements, literals", () => {
    const Port = t.intersection([t.type({ port: t.number }), t.partial({ name: t.string, tags: t.record(t.string, t.union([t.literal("a"), t.array(t.number)])) })])
    const Positive = t.refinement(t.number, (n) => n > 0, "Positive")
    const Shape = t.type({ ports: t.array(Port), size: Positive, extra: t.union([t.undefined, t.string]) })
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 3 }), (any, inner) => {
        agrees(Shape, any)
        agrees(Shape, { ports: [{ port: 1, name: "x", tags: { k: inner } }], size: inner, more: inner })
        agrees(Port, { port: inner, tags: inner })
      }),
      { seed, numRuns },
    )
  })
})

const corpus = join(import.meta.dirname, "..", "..", "..", "..", "shared", "corpus")
const present = existsSync(corpus)
if (!present) console.warn(`fastDecode corpus check skipped: ${corpus} not found (it sits beside the repository in the team's workspace)`)

describe.skipIf(!present)("fastDecode on the shared corpus (../shared/corpus)", () => {
  it("every document of a known kind decodes as io-ts decodes it", () => {
    let checked = 0
    for (const sub of ["k8s", "kubevirt"]) {
      for (const file of readdirSync(join(corpus, sub)).filter((f) => /\.ya?ml$/.test(f))) {
        for (const doc of parseAllDocuments(readFileSync(join(corpus, sub, file), "utf8"), { version: "1.1" }) as ReturnType<typeof parseAllDocuments> & unknown[]) {
          const value = (doc as { toJS: () => unknown }).toJS() as { kind?: string } | null
          const codec = value?.kind === undefined ? undefined : (manifestCodecs as Record<string, t.Mixed>)[value.kind]
          if (codec === undefined) continue
          agrees(codec, value)
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(20)
  })
})
