/**
 * Reading a JSON list in chunks: any split of the bytes into reads gives the items and fields
 * `JSON.parse` gives; syntax errors are placed; a list decodes to the manifests the whole-text
 * decoder gives, with items' errors placed on their lines.
 */
import * as fc from "fast-check"
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { decodeJsonStream, decodeManifests, streamJsonList, type ReadBytes } from "../../../src/domain/manifest/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

/** A reader over `bytes` that hands out at most the next size of `sizes` (cycled) per call. */
const reader = (bytes: Uint8Array, sizes: ReadonlyArray<number> = [1 << 20]): ReadBytes => {
  let at = 0
  let call = 0
  return (buffer, offset, length) => {
    const n = Math.min(length, bytes.length - at, sizes[call++ % sizes.length] as number)
    buffer.set(bytes.subarray(at, at + n), offset)
    at += n
    return n
  }
}
const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

const scan = (text: string, sizes?: ReadonlyArray<number>) => {
  const items: unknown[] = []
  const fields: Record<string, unknown> = {}
  const starts: Array<{ line: number; column: number }> = []
  const result = streamJsonList(reader(encode(text), sizes), {
    field: (k, v) => {
      fields[k] = v
    },
    item: (v, i, _text, at) => {
      expect(i).toBe(items.length)
      items.push(v)
      starts.push(at)
    },
  })
  return { result, items, fields, starts }
}

describe("streamJsonList", () => {
  const { seed, numRuns } = runConfig(200)

  it("gives JSON.parse's items and fields for any split of the bytes into reads", () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 6 }),
        fc.dictionary(fc.string().filter((k) => k !== "items" && k !== "__proto__"), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(0, 2, 4),
        (items, fields, sizes, indent) => {
          const text = JSON.stringify({ ...fields, items, kind: "List" }, null, indent)
          const got = scan(text, sizes)
          expect(got.result).toEqual({ _tag: "Read", items: items.length })
          expect(got.items).toEqual(JSON.parse(JSON.stringify(items)))
          expect(got.fields).toEqual(JSON.parse(JSON.stringify({ ...fields, kind: "List" })))
        },
      ),
      { seed, numRuns },
    )
  })

  it("keeps strings whole: escaped quotes, braces and brackets inside, multi-byte characters split between reads", () => {
    const items = [{ a: 'x"}]{["\\', b: "é€😀" }, "}", ["]", { c: "\\\\" }]]
    const got = scan(JSON.stringify({ items }), [1, 2, 3])
    expect(got.items).toEqual(items)
  })

  it("says where each item starts, in lines and columns", () => {
    const got = scan('{\n  "items": [\n    {"a": 1},\n    {"b": 2}, {"c": 3}\n  ]\n}\n')
    expect(got.starts).toEqual([
      { line: 3, column: 5 },
      { line: 4, column: 5 },
      { line: 4, column: 15 },
    ])
  })

  it("keeps lines and columns right across refills of a growing buffer, in a list of hundreds of kilobytes", () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ kind: "Pod", metadata: { name: `p-${i}`, labels: { app: `a${i % 7}` } }, note: "x".repeat(i % 50) }))
    const text = `\uFEFF${JSON.stringify({ apiVersion: "v1", items, kind: "List" }, null, 4)}\n`
    const lines = text.split("\n")
    // where each item's "{" is: the line after "items": [ and after each "},"
    const expected: Array<{ line: number; column: number }> = []
    lines.forEach((l, i) => {
      if (/^ {8}\{$/.test(l)) expected.push({ line: i + 1, column: 9 })
    })
    for (const sizes of [[100_000], [70_001, 3], [1 << 20]]) {
      const got = scan(text, sizes)
      expect(got.result).toEqual({ _tag: "Read", items: 3000 })
      expect(got.items).toEqual(items)
      expect(got.starts).toEqual(expected)
    }
    // an error near the end is placed on its own line, after many refills
    const broken = text.replace('"p-2999"', '"p-2999" oops')
    const at = broken.split("\n").findIndex((l) => l.includes("oops")) + 1
    expect(scan(broken, [65_536]).result).toMatchObject({ _tag: "SyntaxError", at: { line: at } })
  })

  it("reads an empty object, and refuses a key that is not a string", () => {
    expect(scan("{}").result).toEqual({ _tag: "Read", items: 0 })
    expect(scan(' { "items" : [ ] } ').result).toEqual({ _tag: "Read", items: 0 })
    expect(scan('{1: 2}').result).toMatchObject({ _tag: "SyntaxError", problem: "expected a key (a string), got 1", at: { line: 1, column: 2 } })
    expect(scan('{"a" 1}').result).toMatchObject({ _tag: "SyntaxError", problem: 'expected ":" after the key "a"' })
    expect(scan('{"a": 1,').result).toMatchObject({ _tag: "SyntaxError", problem: "the JSON ends where the next key was expected" })
    expect(scan('{"a": tru}').result).toMatchObject({ _tag: "SyntaxError", problem: expect.stringMatching(/^malformed JSON/), at: { line: 1, column: 7 } })
  })

  it("places syntax errors, and tells a text that is not an object from one that is broken", () => {
    expect(scan("[1, 2]").result).toEqual({ _tag: "NotAnObject" })
    expect(scan("kind: List\nitems: []\n").result).toEqual({ _tag: "NotAnObject" })
    const broken = scan('{\n  "items": [\n    {"a": 1},\n    {"b": tru}\n  ]\n}')
    expect(broken.result).toMatchObject({ _tag: "SyntaxError", at: { line: 4 } })
    expect(broken.items).toEqual([{ a: 1 }])
    expect(scan('{"items": [1, 2').result).toMatchObject({ _tag: "SyntaxError", problem: expect.stringMatching(/ends/) })
    expect(scan('{"items": [1 2]}').result).toMatchObject({ _tag: "SyntaxError", problem: expect.stringMatching(/expected "," or "]"/), at: { line: 1, column: 14 } })
    expect(scan('{"kind": "List"} {}').result).toMatchObject({ _tag: "SyntaxError", problem: "text after the JSON object" })
    expect(scan('{"items": [], "items": []}').result).toMatchObject({ _tag: "SyntaxError", problem: '"items" is given twice' })
  })
})

const pod = (name: string, cpu: unknown = "100m") => ({ apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "c", resources: { requests: { cpu } } }] } })

describe("decodeJsonStream", () => {
  it("decodes a kubectl List as the whole-text decoder does, keeping no Pod's plain document", () => {
    const text = JSON.stringify({ apiVersion: "v1", items: [pod("a"), pod("b"), { apiVersion: "v1", kind: "Namespace", metadata: { name: "n" } }], kind: "List" }, null, 4)
    const streamed = decodeJsonStream(reader(encode(text), [7]), "list.json")
    const whole = decodeManifests(text, "list.json")
    expect(streamed._tag).toBe("Decoded")
    if (streamed._tag !== "Decoded" || E.isLeft(streamed.result) || E.isLeft(whole)) throw new Error("expected both to decode")
    expect(streamed.result.right.manifests).toEqual(whole.right)
    const items = (streamed.result.right.documents[0] as { items: unknown[] }).items
    expect([0 in items, 1 in items, 2 in items]).toEqual([false, false, true])
  })

  it("gives a typed list's kind to its items, also when the kind comes after them", () => {
    for (const text of [
      JSON.stringify({ kind: "PodList", apiVersion: "v1", items: [{ metadata: { name: "a" }, spec: { containers: [] } }] }),
      JSON.stringify({ items: [{ metadata: { name: "a" }, spec: { containers: [] } }], apiVersion: "v1", kind: "PodList" }),
    ]) {
      const r = decodeJsonStream(reader(encode(text)), "podlist.json")
      if (r._tag !== "Decoded" || E.isLeft(r.result)) throw new Error(`expected a decoded list: ${JSON.stringify(r)}`)
      expect(r.result.right.manifests.map((m) => [m.kind, m.metadata?.name])).toEqual([["Pod", "a"]])
    }
  })

  it("names the item, the path and the line of a bad field", () => {
    const text = `{\n  "kind": "List",\n  "items": [\n    ${JSON.stringify(pod("a"))},\n    {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "b"},\n     "spec": {"containers": [{"name": "c", "resources": {"requests": {"cpu": "1K"}}}]}}\n  ]\n}\n`
    const r = decodeJsonStream(reader(encode(text)), "bad.json")
    if (r._tag !== "Decoded" || E.isRight(r.result)) throw new Error("expected errors")
    expect(r.result.left).toHaveLength(1)
    expect(r.result.left[0]).toMatchObject({ file: "bad.json", path: "items[1].spec.containers[0].resources.requests.cpu", line: 6 })
    expect(r.result.left[0]?.problem).toMatch(/expected a quantity, got "1K"/)
  })

  it("leaves a single object, or an object whose kind is not a list, to the whole-text reader", () => {
    expect(decodeJsonStream(reader(encode(JSON.stringify(pod("a")))), "pod.json")._tag).toBe("NotAList")
    expect(decodeJsonStream(reader(encode(JSON.stringify({ kind: "Thing", items: [1] }))), "thing.json")._tag).toBe("NotAList")
    expect(decodeJsonStream(reader(encode("kind: Pod\n")), "pod.yaml")._tag).toBe("NotAList")
    // YAML documents written as JSON objects, and flow-style YAML, are for the whole-text reader too
    expect(decodeJsonStream(reader(encode('{"kind": "List", "items": []}\n---\n{"kind": "Pod"}')), "docs.yaml")).toMatchObject({ _tag: "NotJson", error: { line: 2, problem: "text after the JSON object" } })
    expect(decodeJsonStream(reader(encode("{kind: List, items: [{kind: Pod},],}")), "flow.yaml")._tag).toBe("NotJson")
  })
})
