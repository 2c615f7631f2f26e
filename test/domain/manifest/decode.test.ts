import * as fc from "fast-check"
import * as E from "fp-ts/lib/Either.js"
import { match } from "ts-pattern"
import { describe, expect, it, vi } from "vitest"
import {
  decodeManifests,
  decodeManifestValue,
  manifestCodecs,
  MAX_NESTING,
  ofKind,
  showManifestError,
  unknownFields,
  unknownKinds,
} from "../../../src/domain/manifest/index.ts"
import type { Manifest, ManifestError } from "../../../src/domain/manifest/index.ts"
import { quantityString, value } from "../../../src/domain/quantity/index.ts"
import { podRequests, toRecord } from "../../../src/domain/resources/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

const right = (text: string, file = "test.yaml"): ReadonlyArray<Manifest> => {
  const r = decodeManifests(text, file)
  if (E.isLeft(r)) throw new Error(r.left.map(showManifestError).join("\n"))
  return r.right
}
const left = (text: string, file = "test.yaml"): ReadonlyArray<ManifestError> => {
  const r = decodeManifests(text, file)
  if (E.isRight(r)) throw new Error(`expected errors, decoded ${r.right.length} manifests`)
  return r.left
}

const pod = (requests: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx
    resources:
      requests:
${requests}
`

describe("decodeManifests: forms", () => {
  it("reads flow style with trailing commas (KYAML) and JSON alike", () => {
    const flow = right(`---\n{\n  apiVersion: "v1",\n  kind: "Pod",\n  metadata: { name: "a", },\n  spec: { containers: [{ name: "c", resources: { requests: { cpu: "250m", }, }, },], },\n}\n`)
    const json = right(JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "a" }, spec: { containers: [{ name: "c", resources: { requests: { cpu: "250m" } } }] } }), "a.json")
    for (const ms of [flow, json]) {
      const p = ofKind("Pod")(ms)[0]!
      expect(toRecord(podRequests(p.spec))).toEqual({ cpu: "250" })
    }
  })

  it("takes quantities as bare numbers (YAML ints and floats)", () => {
    const p = ofKind("Pod")(right(pod("        cpu: 0.5\n        memory: 1073741824\n        nvidia.com/gpu: 1")))[0]!
    expect(toRecord(podRequests(p.spec))).toEqual({ cpu: "500", memory: "1073741824", "nvidia.com/gpu": "1" })
  })

  it("reads every document of a stream, skipping empty ones, and flattens Lists", () => {
    const nodes = JSON.stringify({
      apiVersion: "v1",
      kind: "NodeList",
      items: [0, 1, 2].map((i) => ({ metadata: { name: `node-${i}`, labels: { zone: i % 2 === 0 ? "a" : "b" } }, status: { allocatable: { cpu: "4", memory: "16Gi", pods: 110 } } })),
    })
    // document 0 is empty, document 1 the NodeList, document 2 a List
    const ms = right(`---\n---\n${nodes}\n---\nkind: List\napiVersion: v1\nitems:\n- {kind: PriorityClass, apiVersion: scheduling.k8s.io/v1, value: 1000, metadata: {name: high}}\n`)
    const nodeManifests = ofKind("Node")(ms)
    expect(nodeManifests.length).toBe(3)
    expect(nodeManifests.map((n) => n.metadata?.name)).toEqual(["node-0", "node-1", "node-2"])
    expect(nodeManifests[2]?.source).toEqual({ file: "test.yaml", document: 1, item: 2 })
    expect(value(nodeManifests[0]!.status!.allocatable!["memory"]!)).toBe(16n * 1024n ** 3n)
    expect(ofKind("PriorityClass")(ms)[0]?.value).toBe(1000)
  })

  it("treats null fields as absent and reads YAML 1.1 like Kubernetes (yes is a boolean, timestamps stay text)", () => {
    const [m] = right(`apiVersion: v1\nkind: Node\nmetadata: {name: node-1, creationTimestamp: 2024-01-01T00:00:00Z, labels: null}\nspec: {unschedulable: yes}\n`)
    const node = match(m!).with({ kind: "Node" }, (n) => n).otherwise(() => undefined)
    expect(node?.spec?.unschedulable).toBe(true)
    expect(node?.metadata?.creationTimestamp).toBe("2024-01-01T00:00:00Z")
    expect(node?.metadata && "labels" in node.metadata).toBe(false)
  })
})

describe("decodeManifests: unknown fields and kinds are kept and listed", () => {
  it("lists typos and extra fields with their JSON paths, and keeps them in the object", () => {
    const [m] = right(`apiVersion: v1
kind: Pod
metadata: {name: p, colour: blue}
spec:
  nodeSelectr: {disk: ssd}
  containers:
  - name: a
    resource: {requests: {cpu: 1}}
    resources: {requests: {cpu: 1}, limts: {cpu: 2}}
`)
    expect(m?.unknownFields).toEqual(["metadata.colour", "spec.nodeSelectr", "spec.containers[0].resource", "spec.containers[0].resources.limts"])
    expect((m as unknown as { spec: Record<string, unknown> }).spec["nodeSelectr"]).toEqual({ disk: "ssd" })
  })

  it("keeps unknown kinds as generic manifests", () => {
    const ms = right(`apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 3}\n---\napiVersion: v1\nkind: ConfigMap\ndata: {a: b}\n`)
    expect(unknownKinds(ms)).toEqual(["Widget", "ConfigMap"])
    expect(ms[0]).toMatchObject({ kind: "Unknown", declaredKind: "Widget", apiVersion: "example.com/v1", metadata: { name: "w" }, raw: { spec: { size: 3 } } })
  })

  it("the unknown-field walk catches what a stripping decoder would silently drop", () => {
    // a codec-level check that unknownFields looks inside arrays, records and intersections
    const value = { apiVersion: "v1", kind: "Node", status: { capacity: { cpu: "1" }, extra: 1 }, spec: { taints: [{ key: "k", effect: "NoSchedule", x: 1 }] } }
    expect(unknownFields(manifestCodecs.Node, value)).toEqual(["status.extra", "spec.taints[0].x"])
  })
})

describe("decodeManifests: bad input gives positioned errors, never throws", () => {
  it("names the path, line and column of a bad quantity", () => {
    const [e, ...rest] = left(pod("        cpu: 1K"), "pod.yaml")
    expect(rest).toEqual([])
    expect(e).toMatchObject({ file: "pod.yaml", document: 0, path: "spec.containers[0].resources.requests.cpu", line: 11, column: 14 })
    expect(e?.problem).toBe('expected a quantity, got "1K": unknown suffix "K" (did you mean k = 10³ or Ki = 2¹⁰?) at position 1')
    expect(showManifestError(e!)).toMatch(/^pod\.yaml:11:14: document 0, spec\.containers\[0\]\.resources\.requests\.cpu: expected a quantity/)
  })

  it("reports every wrong type, with quoted keys for dotted names", () => {
    const errors = left(`apiVersion: v1\nkind: Pod\nspec:\n  priority: high\n  containers:\n  - name: a\n    resources: {limits: {nvidia.com/gpu: "1.5.0"}}\n  - image: b\n  tolerations: [{operator: Maybe}]\n`)
    expect(errors.map((e) => e.path).sort()).toEqual([
      "spec.containers[0].resources.limits[\"nvidia.com/gpu\"]",
      "spec.containers[1].name",
      "spec.priority",
      "spec.tolerations[0].operator",
    ])
    expect(errors.find((e) => e.path === "spec.priority")?.problem).toBe('expected an integer, got "high"')
    expect(errors.find((e) => e.path === "spec.containers[1].name")?.problem).toBe("required field missing (expected string)")
    expect(errors.find((e) => e.path === "spec.tolerations[0].operator")?.problem).toBe('expected one of "Exists", "Equal", got "Maybe"')
    expect(errors.length).toBe(4)
  })

  it("malformed YAML gives line and column", () => {
    const [e] = left(`apiVersion: v1\nkind: Pod\nspec: {containers: [\n`)
    expect(e?.problem).toMatch(/^malformed YAML/)
    expect(e?.line).toBeGreaterThanOrEqual(3)
    expect(e?.column).toBeGreaterThanOrEqual(1)
    // a repeated key is named, with its line (see duplicateKeys.test.ts)
    const [dup] = left(`kind: Pod\nkind: Node\n`)
    expect(dup).toMatchObject({ path: "", duplicateKey: "kind", line: 2, column: 1 })
    expect(dup?.problem).toMatch(/^duplicate field "kind"/)
  })

  it("a document that is not a manifest, or has no kind, is an error naming it", () => {
    expect(left(`- a\n- b\n`)[0]).toMatchObject({ path: "", problem: 'expected a manifest (an object), got ["a","b"]' })
    expect(left(`apiVersion: v1\nmetadata: {name: x}\n`)[0]).toMatchObject({ path: "kind", problem: "required field missing: every manifest names its kind" })
    expect(left(`---\nkind: Pod\napiVersion: v1\nspec: {containers: []}\n---\nkind: 7\n`)[0]).toMatchObject({ document: 1, path: "kind" })
    const [item] = E.isLeft(decodeManifestValue({ kind: "List", items: [{ kind: "Pod", apiVersion: "v1", spec: {} }] })) ? (decodeManifestValue({ kind: "List", items: [{ kind: "Pod", apiVersion: "v1", spec: {} }] }) as E.Left<ReadonlyArray<ManifestError>>).left : []
    expect(item).toMatchObject({ path: "items[0].spec.containers", problem: expect.stringContaining("required field missing") })
  })

  it("property: arbitrary text never throws; it decodes or gives errors with a file and a document", () => {
    const { seed, numRuns } = runConfig(300)
    const yamlish = fc.stringMatching(/^[a-zA-Z0-9:{}[\]\-, \n"'.|>&*!#%@`]{0,80}$/)
    fc.assert(
      fc.property(fc.oneof(fc.string(), yamlish), (text) => {
        const r = decodeManifests(text, "fuzz.yaml")
        if (E.isLeft(r)) for (const e of r.left) expect(e).toMatchObject({ _tag: "ManifestError", file: "fuzz.yaml" })
      }),
      { seed, numRuns },
    )
  })

  it("property: a bad quantity anywhere in requests is reported at exactly its path; a good one decodes to its value", () => {
    const { seed, numRuns } = runConfig(200)
    const resourceName = fc.constantFrom("cpu", "memory", "ephemeral-storage", "example.com/foo")
    const bad = fc.oneof(fc.constantFrom("1K", "1KiB", "1e", " 1", "1Gb", "1e1.5", ".", "1..2", "+-1", ""), fc.string().filter((s) => !/^[+-]?\d*\.?\d*([eE][+-]?\d+|[numkMGTPE]|[KMGTPE]i)?$/.test(s)))
    fc.assert(
      fc.property(resourceName, fc.oneof(bad.map((s) => ({ s, ok: false })), quantityString.map((s) => ({ s, ok: true }))), (name, { s, ok }) => {
        const r = decodeManifestValue({ apiVersion: "v1", kind: "Pod", spec: { containers: [{ name: "a", resources: { requests: { [name]: s } } }] } })
        const path = name.includes(".") ? `spec.containers[0].resources.requests[${JSON.stringify(name)}]` : `spec.containers[0].resources.requests.${name}`
        if (ok) expect(E.isRight(r)).toBe(true)
        else {
          expect(E.isLeft(r)).toBe(true)
          if (E.isLeft(r)) expect(r.left.map((e) => e.path)).toEqual([path])
        }
      }),
      { seed, numRuns },
    )
  })
})

describe("decodeManifests: nasty input (review)", () => {
  const podWith = (labels: string): string =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: ${labels}}\nspec: {containers: [{name: c, image: i}]}\n`

  it("a __proto__ key is refused at its path, in YAML, in JSON and in an already-parsed value (it used to vanish silently)", () => {
    expect(left(podWith("{__proto__: x, app: web}"))).toEqual([
      expect.objectContaining({ path: "metadata.labels.__proto__", line: 3, problem: expect.stringMatching(/__proto__/) }),
    ])
    const json = '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"__proto__":{"containers":[]},"containers":[{"name":"c","image":"i"}]}}'
    expect(left(json, "p.json").map((e) => e.path)).toEqual(["spec.__proto__"])
    const parsed = decodeManifestValue(JSON.parse(json))
    expect(E.isLeft(parsed) && parsed.left.map((e) => e.path)).toEqual(["spec.__proto__"])
    expect(({} as Record<string, unknown>)["containers"]).toBeUndefined()
  })

  it("a complex mapping key (a sequence or mapping as key, written, in flow style or through an alias) is refused at its mapping, with no runtime warning", () => {
    // the yaml package warns through process.emitWarning when it stringifies such a key
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined)
    try {
      const complex = expect.stringMatching(/a mapping key is a sequence .*keys must be strings/)
      expect(left(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    ? [a, b]\n    : c\nspec: {containers: [{name: c, image: i}]}\n`)).toEqual([
        expect.objectContaining({ path: "metadata.labels", line: 6, problem: complex }),
      ])
      expect(left(podWith("{[a, b]: c}"))).toEqual([expect.objectContaining({ path: "metadata.labels", line: 3, problem: complex })])
      expect(left(podWith("{{a: b}: c}"))).toEqual([expect.objectContaining({ path: "metadata.labels", problem: expect.stringMatching(/a mapping key is a mapping/) })])
      const aliased = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {x: &k [a]}\n  labels:\n    *k : c\nspec: {containers: [{name: c, image: i}]}\n`
      expect(left(aliased)).toEqual([expect.objectContaining({ path: "metadata.labels", line: 7, problem: complex })])
      // inside a list item: the path names the item
      expect(left(`apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: i, env: [{? [x] : y}]}]}\n`).map((e) => e.path)).toEqual(["spec.containers[0].env[0]"])
      // a scalar key given as an alias, or a quoted key, stays fine
      expect(E.isRight(decodeManifests(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {k: &k app}\n  labels: {*k : web, "[a]": b}\nspec: {containers: [{name: c, image: i}]}\n`, "p.yaml"))).toBe(true)
      expect(warn).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
    }
  })

  it("a self-referencing alias is refused at its path (it used to overflow the stack)", () => {
    expect(left("apiVersion: v1\nkind: Pod\nmetadata: &m {name: x, self: *m}\nspec: {containers: [{name: c, image: i}]}\n")).toEqual([
      expect.objectContaining({ path: "metadata.self", line: 3, problem: expect.stringMatching(/alias refers to a node that contains it/) }),
    ])
  })

  it("nesting beyond the limit is refused naming the limit, whether the parser or the walk finds it", () => {
    const nested = (levels: number) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: i, args: ${"[".repeat(levels)}${"]".repeat(levels)}}]}\n`
    const walked = left(nested(MAX_NESTING + 10))
    expect(walked).toEqual([expect.objectContaining({ problem: `nested deeper than ${MAX_NESTING} levels` })])
    expect(walked[0]?.path.startsWith("spec.containers[0].args[0][0]")).toBe(true)
    // within the limit the codecs judge the value (args are strings)
    expect(left(nested(MAX_NESTING - 10)).map((e) => e.problem)).toEqual([expect.stringMatching(/^expected string/)])
  })

  it("deep nesting, an alias bomb, tabs and an empty stream give errors or nothing, never a throw", () => {
    const deep = left(`kind: Pod\nx: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`)
    expect(deep.length).toBeGreaterThan(0)
    expect(deep.every((e) => e.problem.startsWith("malformed YAML") || e.problem === `nested deeper than the YAML parser can read (catcluster accepts ${MAX_NESTING} levels)`)).toBe(true)
    expect(deep.some((e) => /Maximum call stack/.test(e.problem))).toBe(false)
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...["b", "c", "d", "e", "f", "g"].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdef"[i]}`).join(", ")}]`), "kind: Pod"].join("\n")
    expect(left(bomb)).toEqual([expect.objectContaining({ problem: expect.stringMatching(/alias/i) })])
    expect(left("kind: Pod\n\tapiVersion: v1\n")[0]).toMatchObject({ line: 2, problem: expect.stringMatching(/tab/i) })
    expect(right("")).toEqual([])
    expect(right("---\n---\n")).toEqual([])
  })

  it("a value nested 100 000 deep handed to decodeManifestValue is an error, not a RangeError", () => {
    let value: unknown = 1
    for (let i = 0; i < 100_000; i++) value = [value]
    const r = decodeManifestValue({ kind: "Pod", apiVersion: "v1", metadata: { name: "p" }, spec: { containers: [], x: value } })
    // the structural walk is iterative: it names the limit at the path where the limit is crossed
    expect(E.isLeft(r) && r.left[0]?.problem).toBe(`nested deeper than ${MAX_NESTING} levels`)
    expect(E.isLeft(r) && r.left[0]?.path.startsWith("spec.x[0][0]")).toBe(true)
  })

  it("a byte-order mark is skipped; NaN, Infinity and huge exponents are quantity errors at their path", () => {
    expect(right(`\uFEFF${podWith("{app: web}")}`)).toHaveLength(1)
    const bad = left(`apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: i, resources: {requests: {cpu: .nan, memory: 1e999, ephemeral-storage: 1e1001}}}]}\n`)
    expect(bad.map((e) => e.path).sort()).toEqual([
      "spec.containers[0].resources.requests.cpu",
      "spec.containers[0].resources.requests.ephemeral-storage",
      "spec.containers[0].resources.requests.memory",
    ])
  })
})
