/**
 * A key given twice in one object is bad input (issue 9: nothing dropped silently), as kubectl's
 * strict field validation says: the counts agree exactly when no key repeats, the precise reader
 * names the object, the key and where; every entry point (a manifest file, a kubectl List read
 * whole or streamed, the numa-cells annotation, YAML) reports it; string values that contain
 * `"x":` text and keys with escaped quotes are read as JSON reads them.
 */
import * as fc from "fast-check"
import * as E from "fp-ts/lib/Either.js"
import { LineCounter, parseDocument } from "yaml"
import { describe, expect, it } from "vitest"
import {
  countKeys,
  countKeyTokens,
  decodeFile,
  decodeJsonStream,
  decodeManifests,
  duplicateKeysIn,
  duplicateKeysInYaml,
  streamJsonList,
  type ManifestError,
  type PathSegment,
  type ReadBytes,
} from "../../../src/domain/manifest/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"
import { nodesFromText } from "../../../src/scheduler/adapters/nodes.ts"
import { SchedulerInputError } from "../../../src/scheduler/SchedulerInputError.ts"

/** A reader over `bytes` handing out at most `size` bytes per call. */
const reader = (text: string, size = 1 << 20): ReadBytes => {
  const bytes = new TextEncoder().encode(text)
  let at = 0
  return (buffer, offset, length) => {
    const n = Math.min(length, bytes.length - at, size)
    buffer.set(bytes.subarray(at, at + n), offset)
    at += n
    return n
  }
}

const errorsOf = (r: E.Either<ReadonlyArray<ManifestError>, unknown>): ReadonlyArray<ManifestError> => {
  if (E.isRight(r)) throw new Error("expected errors, got a decoded file")
  return r.left
}

/** The 1-based line of the n-th (0-based) occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string, n = 0): number => {
  let at = -1
  for (let k = 0; k <= n; k++) at = text.indexOf(needle, at + 1)
  return text.slice(0, at).split("\n").length
}

const pod = (requests: string): string => `{
    "apiVersion": "v1",
    "kind": "Pod",
    "metadata": {"name": "p", "annotations": {"note": "copied from \\"cpu\\": \\"64\\", \\"cpu\\": 1"}},
    "spec": {
        "containers": [
            {"name": "sidecar"},
            {
                "name": "main",
                "resources": {
                    "requests": {${requests}}
                }
            }
        ]
    }
}`

const list = (items: ReadonlyArray<string>, kind = "List"): string => `{
    "apiVersion": "v1",
    "items": [
${items.join(",\n")}
    ],
    "kind": "${kind}",
    "metadata": {"resourceVersion": ""}
}`

const good = pod(`"cpu": "1", "memory": "1Gi"`)
const twice = pod(`
                        "cpu": "1",
                        "memory": "1Gi",
                        "cpu": "64"
                    `)

describe("counting keys", () => {
  const { seed, numRuns } = runConfig(200)

  it("the text's key tokens and the parsed keys agree on any JSON without repeats, at any indent", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 1, 4), (value, indent) => {
        const text = JSON.stringify(value, null, indent)
        expect(countKeyTokens(text)).toBe(countKeys(JSON.parse(text)))
        expect(duplicateKeysIn(text)).toEqual([])
      }),
      { seed, numRuns },
    )
  })

  it("a key written again anywhere: one more token than keys, and the precise reader names its object, key and place", () => {
    // a JSON tree with at least one object, the index of the object (in text order) that repeats its first key
    const tree = fc.jsonValue({ maxDepth: 4 }).map((v) => ({ wrapped: v, spec: { x: 1 } }))
    fc.assert(
      fc.property(tree, fc.nat(), fc.constantFrom(0, 2), (value, pick, indent) => {
        // write the text by hand so that one object writes its first key twice
        const objects: Array<ReadonlyArray<PathSegment>> = []
        const collect = (v: unknown, path: ReadonlyArray<PathSegment>): void => {
          if (Array.isArray(v)) v.forEach((x, i) => collect(x, [...path, i]))
          else if (typeof v === "object" && v !== null) {
            if (Object.keys(v).length > 0) objects.push(path)
            for (const [k, x] of Object.entries(v)) collect(x, [...path, k])
          }
        }
        collect(value, [])
        const target = objects[pick % objects.length]!
        let repeatedKey = ""
        let replaced: unknown
        let offset = -1
        const pad = (depth: number): string => (indent === 0 ? "" : `\n${" ".repeat(indent * depth)}`)
        const write = (v: unknown, path: ReadonlyArray<PathSegment>, depth: number, out: string[]): void => {
          if (Array.isArray(v)) {
            out.push("[")
            v.forEach((x, i) => {
              if (i > 0) out.push(",")
              out.push(pad(depth + 1))
              write(x, [...path, i], depth + 1, out)
            })
            out.push(pad(depth), "]")
          } else if (typeof v === "object" && v !== null) {
            const entries = Object.entries(v)
            out.push("{")
            entries.forEach(([k, x], i) => {
              if (i > 0) out.push(",")
              out.push(pad(depth + 1), JSON.stringify(k), ": ")
              write(x, [...path, k], depth + 1, out)
            })
            if (JSON.stringify(path) === JSON.stringify(target)) {
              repeatedKey = entries[0]![0]
              replaced = entries[0]![1]
              out.push(",", pad(depth + 1))
              offset = out.join("").length
              out.push(JSON.stringify(repeatedKey), ": ", JSON.stringify("again"))
            }
            out.push(pad(depth), "}")
          } else out.push(JSON.stringify(v))
        }
        const parts: string[] = []
        write(value, [], 0, parts)
        const text = parts.join("")
        // JSON.parse keeps "again": the repeat and the keys of the value it replaced are missing from the parsed tree
        expect(countKeyTokens(text)).toBe(countKeys(JSON.parse(text)) + 1 + countKeys(replaced))
        expect(duplicateKeysIn(text)).toEqual([{ path: target, key: repeatedKey, offset }])
      }),
      { seed, numRuns },
    )
  })

  it("text inside strings is not a key: a value holding '\"cpu\": 1, \"cpu\": 2' and keys with escaped quotes", () => {
    const text = '{"note": "\\"cpu\\": 1, \\"cpu\\": 2", "a\\"b": 1, "a": 2, "c\\\\": {"d": ":"}}'
    expect(countKeyTokens(text)).toBe(5)
    expect(countKeys(JSON.parse(text))).toBe(5)
    expect(duplicateKeysIn(text)).toEqual([])
  })

  it("keys with escaped quotes or escaped letters repeat as JSON.parse reads them", () => {
    const quoted = '{"a\\"b": 1, "a\\"b": 2}'
    expect(duplicateKeysIn(quoted)).toEqual([{ path: [], key: 'a"b', offset: quoted.lastIndexOf('"a\\"b"') }])
    const escaped = '{"x": [{}, {"cpu": 1, "c\\u0070u": 2}]}'
    expect(duplicateKeysIn(escaped)).toEqual([{ path: ["x", 1], key: "cpu", offset: escaped.indexOf('"c\\u0070u"') }])
    expect(countKeyTokens(escaped)).toBe(countKeys(JSON.parse(escaped)) + 1)
  })
})

describe("a duplicate key at each entry point", () => {
  it("a manifest file: the object's path, the key, its line, and the API server's wording", () => {
    expect(E.isRight(decodeManifests(good, "pod.json"))).toBe(true)
    const [e, ...rest] = errorsOf(decodeManifests(twice, "pod.json"))
    expect(rest).toEqual([])
    expect(e).toEqual({
      _tag: "ManifestError",
      file: "pod.json",
      document: 0,
      path: "spec.containers[1].resources.requests",
      duplicateKey: "cpu",
      problem:
        'duplicate field "cpu" (the API server refuses the object: strict decoding error: duplicate field "spec.containers[1].resources.requests.cpu")',
      line: lineOf(twice, '"cpu"', 1),
      column: 25,
    })
  })

  it("a kubectl List read whole: items[i] in our path, the item's own path in the upstream words", () => {
    const text = list([good, good, good, twice])
    const [e, ...rest] = errorsOf(decodeManifests(text, "dump.json"))
    expect(rest).toEqual([])
    expect(e?.path).toBe("items[3].spec.containers[1].resources.requests")
    expect(e?.problem).toContain('strict decoding error: duplicate field "spec.containers[1].resources.requests.cpu"')
    expect(e?.line).toBe(text.slice(0, text.lastIndexOf('"cpu"')).split("\n").length)
  })

  it("a kubectl List streamed: the same error, placed in the file, for any split of the bytes into reads", () => {
    const text = list([good, good, good, twice], "PodList")
    const whole = errorsOf(decodeManifests(text, "dump.json"))
    for (const size of [7, 100, 1 << 20]) {
      const streamed = decodeJsonStream(reader(text, size), "dump.json")
      expect(streamed._tag).toBe("Decoded")
      if (streamed._tag !== "Decoded") return
      expect(errorsOf(streamed.result)).toEqual(whole)
    }
    // the scan counts each item's key tokens: one more than the parsed item holds
    const counts: Array<readonly [number, number]> = []
    streamJsonList(reader(text), { field: () => {}, item: (v, _i, _t, _at, keyTokens) => counts.push([keyTokens, countKeys(v)]) })
    expect(counts.map(([tokens, keys]) => tokens - keys)).toEqual([0, 0, 0, 1])
  })

  it("a streamed List repeating one of its own fields, or a key inside one, is refused at the key's line", () => {
    const text = `{"kind": "List",\n "metadata": {"resourceVersion": "", "resourceVersion": "1"},\n "items": []}`
    const scanned = streamJsonList(reader(text), { field: () => {}, item: () => {} })
    expect(scanned).toEqual({
      _tag: "SyntaxError",
      problem: expect.stringMatching(/^metadata: duplicate field "resourceVersion" \(/) as unknown as string,
      at: { line: 2, column: 38 },
    })
    const kindTwice = streamJsonList(reader(`{"kind": "List", "items": [], "kind": "PodList"}`), { field: () => {}, item: () => {} })
    expect(kindTwice._tag === "SyntaxError" && kindTwice.problem).toMatch(/^duplicate field "kind"/)
    // read whole (what the CLI does when the stream refuses a file that fits), the same mistake is named with its path
    const [e] = errorsOf(decodeFile(text, "dump.json"))
    expect(e).toMatchObject({ path: "metadata", duplicateKey: "resourceVersion", line: 2, column: 38 })
  })

  it("the numa-cells annotation: the node's file, the cell's path, the key", () => {
    const node = (cells: string): string =>
      JSON.stringify({ apiVersion: "v1", kind: "Node", metadata: { name: "kvm-1", annotations: { "catcluster.io/numa-cells": cells } }, status: { allocatable: { cpu: "8", memory: "16Gi", pods: "110" } } })
    expect(nodesFromText(node('[{"cpus": 4, "memory": "8Gi"}, {"cpus": 4, "memory": "8Gi"}]'), "nodes.json")[0]?.numaCells).toHaveLength(2)
    // the key's text inside another string is not a key
    expect(nodesFromText(node('[{"cpus": 4, "memory": "8Gi", "note": "\\"cpus\\": 64"}]'), "nodes.json")[0]?.numaCells).toHaveLength(1)
    let thrown: unknown
    try {
      nodesFromText(node('[{"cpus": 4, "memory": "8Gi"}, {"cpus": 4, "memory": "8Gi", "cpus": 64}]'), "nodes.json")
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(SchedulerInputError)
    expect((thrown as SchedulerInputError).message).toBe(
      'nodes.json: document 0, metadata.annotations["catcluster.io/numa-cells"][1]: duplicate field "cpus" (JSON.parse would keep the last value silently)',
    )
  })

  it("a YAML file: file:line, the mapping's path and the key, in block and flow style", () => {
    const text = [
      "apiVersion: v1",
      "kind: Pod",
      "metadata: {name: p}",
      "spec:",
      "  containers:",
      "  - name: c",
      "    resources:",
      "      requests:",
      '        cpu: "1"',
      "        memory: 1Gi",
      '        cpu: "64"',
      "      limits: {memory: 1Gi, memory: 2Gi}",
      "",
    ].join("\n")
    const errors = errorsOf(decodeManifests(text, "pod.yaml"))
    expect(errors.map((e) => [e.path, e.duplicateKey, e.line, e.column])).toEqual([
      ["spec.containers[0].resources.requests", "cpu", 11, 9],
      ["spec.containers[0].resources.limits", "memory", 12, 29],
    ])
    expect(errors[0]?.problem).toBe('duplicate field "cpu" (Kubernetes\' strict YAML decoding refuses it: key "cpu" already set in map)')
  })

  it("YAML keys of different types that become one JSON key are repeats too; merge keys are not", () => {
    const lineCounter = new LineCounter()
    const doc = parseDocument('labels:\n  1: a\n  "1": b\n  on: c\n  "true": d\nbase: &b {x: 1}\nuse:\n  <<: *b\n  x: 2\n', { lineCounter, version: "1.1" })
    expect(duplicateKeysInYaml(doc, lineCounter)).toEqual([
      { path: ["labels"], key: "1", line: 3, column: 3 },
      { path: ["labels"], key: "true", line: 5, column: 3 },
    ])
  })
})
