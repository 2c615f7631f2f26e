/**
 * The manifest adapters agree with the domain layer: every corpus Pod's effective request as the
 * scheduler model computes it equals `podRequests` of `src/domain/resources` (init containers,
 * sidecars, pod-level resources, overhead, requests defaulted from limits). Plus NUMA cells from
 * the node annotation and a typed error for a bad one.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { decodeManifests } from "../../src/domain/manifest/decode.ts"
import { podRequests as domainRequests } from "../../src/domain/resources/PodRequests.ts"
import { nodesFromText, podRequests, SchedulerInputError, workloadFromText } from "../../src/scheduler/index.ts"

const corpus = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "k8s")

describe.skipIf(!existsSync(corpus))("corpus pods (../shared/corpus; absent in a user's clone)", () => {
  it("effective requests match src/domain/resources podRequests", () => {
    let compared = 0
    for (const f of readdirSync(corpus).filter((x) => x.endsWith(".yaml"))) {
      const text = readFileSync(join(corpus, f), "utf8")
      const decoded = decodeManifests(text, f)
      if (E.isLeft(decoded)) throw new Error(f)
      const pods = decoded.right.filter((m) => m.kind === "Pod")
      const ours = workloadFromText(text, f).pending
      pods.forEach((m, i) => {
        const theirs = Object.fromEntries([...domainRequests(m.spec as never)].map(([k, v]) => [k, Number(v)]))
        const mine = Object.fromEntries(Object.entries(podRequests(ours[i]!)).filter(([, v]) => v !== 0))
        expect(mine, f).toEqual(Object.fromEntries(Object.entries(theirs).filter(([, v]) => v !== 0)))
        compared++
      })
    }
    expect(compared).toBeGreaterThanOrEqual(7)
  })
})

describe("nodes from a NodeList", () => {
  const node = (annotation: string) => `apiVersion: v1
kind: NodeList
items:
- apiVersion: v1
  kind: Node
  metadata:
    name: node-a
    annotations: {catcluster.io/numa-cells: '${annotation}'}
  status: {allocatable: {cpu: "8", memory: 16Gi, pods: "110"}}
`
  it("reads NUMA cells from the annotation", () => {
    const [n] = nodesFromText(node('[{"cpus": 4, "memory": "8Gi", "hugepages": "1Gi"}]'), "nodes.yaml")
    expect(n?.numaCells).toEqual([{ cpus: 4, memoryBytes: 8 * 2 ** 30, hugepagesBytes: 2 ** 30 }])
    expect(n?.allocatable).toEqual({ cpu: 8000, memory: 16 * 2 ** 30, pods: 110 })
  })
  it("a bad cell names the file, document, item and field", () => {
    expect(() => nodesFromText(node('[{"cpus": 4, "memory": "8GB"}]'), "nodes.yaml")).toThrow(SchedulerInputError)
    expect(() => nodesFromText(node('[{"cpus": 4, "memory": "8GB"}]'), "nodes.yaml")).toThrow(
      'nodes.yaml: document 0, items[0], metadata.annotations["catcluster.io/numa-cells"][0].memory: not a quantity: "8GB"',
    )
  })
  it("a node name given twice is bad input naming both places (a cluster has one node of a name)", () => {
    const twice = `${node("[]")}---\n${node("[]")}`
    expect(() => nodesFromText(twice, "nodes.yaml")).toThrow('nodes.yaml: document 1, items[0], metadata.name: Duplicate value: "node-a" (first at nodes.yaml: document 0, items[0], metadata.name)')
  })
  it("NUMA cell amounts beyond 2^53 − 1 or negative are bad input at their path (were Infinity in a cell)", () => {
    expect(() => nodesFromText(node('[{"cpus": 1e300, "memory": "8Gi"}]'), "nodes.yaml")).toThrow(
      'nodes.yaml: document 0, items[0], metadata.annotations["catcluster.io/numa-cells"][0].cpus: Invalid value: 1e+300: exceeds the range catcluster schedules exactly (9007199254740991)',
    )
    expect(() => nodesFromText(node('[{"cpus": 2, "memory": "1e400"}]'), "nodes.yaml")).toThrow('numa-cells"][0].memory: Invalid value: Infinity: exceeds the range')
    expect(() => nodesFromText(node('[{"cpus": 2, "hugepages": "-2Mi"}]'), "nodes.yaml")).toThrow('numa-cells"][0].hugepages: Invalid value: -2097152: must be greater than or equal to 0')
    const topology = (zones: string) =>
      `${node("[]")}---\napiVersion: topology.node.k8s.io/v1alpha2\nkind: NodeResourceTopology\nmetadata: {name: node-a}\nzones: ${zones}\n`
    expect(() => nodesFromText(topology("[{name: node-0, type: Node, resources: [{name: memory, allocatable: '1e400'}]}]"), "nodes.yaml")).toThrow("zones[0].memory: Invalid value: Infinity: exceeds the range")
    expect(nodesFromText(node('[{"cpus": 9007199254740991, "memory": "9007199254740991"}]'), "nodes.yaml")[0]?.numaCells).toEqual([{ cpus: 9007199254740991, memoryBytes: 9007199254740991, hugepagesBytes: 0 }])
  })

  it("null where a cell or a topology zone or resource belongs is bad input at its path, not a crash", () => {
    expect(() => nodesFromText(node("[null]"), "nodes.yaml")).toThrow(
      'nodes.yaml: document 0, items[0], metadata.annotations["catcluster.io/numa-cells"][0]: expected {cpus, memory, hugepages}, got null',
    )
    const topology = (zones: string) =>
      `${node("[]")}---\napiVersion: topology.node.k8s.io/v1alpha2\nkind: NodeResourceTopology\nmetadata: {name: node-a}\nzones: ${zones}\n`
    expect(() => nodesFromText(topology("[null]"), "nodes.yaml")).toThrow("zones[0]: expected a zone {name, type, resources}, got null")
    expect(() => nodesFromText(topology("[{name: node-0, type: Node, resources: [null]}]"), "nodes.yaml")).toThrow(
      "zones[0].resources[0]: expected {name, allocatable: quantity}, got null",
    )
  })
})
