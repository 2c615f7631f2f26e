/**
 * NodeResourcesFit scoring, restated from Kubernetes v1.35's own tables
 * (`pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go`, `most_allocated_test.go`,
 * `requested_to_capacity_ratio_test.go`, and `fit_test.go`'s TestFitScore), as manifests through
 * the scheduler with only NodeResourcesFit scoring, on both engines (upstreamTable.ts).
 *
 * Upstream's quantities are kept as written: `cpu: "4000"` is 4000 cores there and here, so every
 * ratio, hence every score, is upstream's. Upstream's requested pods sometimes carry `.Node("node1")`
 * only because its Score is called directly; here the incoming pod is pending.
 *
 * Where upstream builds the plugin from the internal config type (no v1 defaulting), a manifest
 * goes through v1 defaulting as kube-scheduler reads a file: absent `resources` become cpu and
 * memory, weight 0 becomes 1. Those cases assert what a configuration file gives instead, and say so.
 */
import { describe, expect, it } from "vitest"
import { parseSchedulerConfig } from "../../../src/scheduler/index.ts"
import { brokenLinear } from "../../../src/scheduler/plugins/ResourceScore.ts"
import { configOf, describeTable, type Manifest, nodeOf, podOf, type TableCase } from "./upstreamTable.ts"

const PLUGIN = "NodeResourcesFit"
/** The extended resource of upstream's `extendedResourceSet` cases (its name is immaterial). */
const EXT = "abc.com/xyz"

type Strategy = "LeastAllocated" | "MostAllocated" | "RequestedToCapacityRatio"
type Shape = ReadonlyArray<{ readonly utilization: number; readonly score: number }>

const strategy = (type: Strategy, resources?: ReadonlyArray<{ readonly name: string; readonly weight: number }>, shape?: Shape): string =>
  configOf(PLUGIN, "score", {
    scoringStrategy: { type, ...(resources === undefined ? {} : { resources }), ...(shape === undefined ? {} : { requestedToCapacityRatio: { shape } }) },
  })

const DEFAULT = [
  { name: "cpu", weight: 1 },
  { name: "memory", weight: 1 },
]
const EXTENDED_SET = [...DEFAULT, { name: EXT, weight: 1 }]

const cm = (cpu: string, memory: string) => ({ cpu, memory })
const two = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): ReadonlyArray<Manifest> => [nodeOf("node1", a), nodeOf("node2", b)]
/** A bound pod with one container per request (none: no containers, as `st.MakePod()`). */
const on = (node: string, i: number, ...containers: ReadonlyArray<Readonly<Record<string, string>>>): Manifest =>
  podOf(`e${i}-${node}`, { nodeName: node, containers })
const twoContainers = { containers: [cm("1000", "2000"), cm("2000", "3000")] }

const leastCases = (config: (resources?: typeof DEFAULT) => string): ReadonlyArray<TableCase> => [
  {
    name: "nothing scheduled, nothing requested",
    nodes: two(cm("4000", "10000"), cm("4000", "10000")),
    pod: {},
    config: config(DEFAULT),
    scores: { node1: 100, node2: 100 },
  },
  {
    name: "nothing scheduled, resources requested, differently sized nodes",
    nodes: two(cm("4000", "10000"), cm("6000", "10000")),
    pod: twoContainers,
    config: config(DEFAULT),
    scores: { node1: 37, node2: 50 },
  },
  {
    name: "Resources not set, pods scheduled with error",
    note: "upstream: Score errors (internal config, no resources); a v1 file without resources defaults to cpu and memory",
    nodes: two(cm("4000", "10000"), cm("6000", "10000")),
    pod: twoContainers,
    config: config(),
    scores: { node1: 37, node2: 50 },
  },
  {
    name: "no resources requested, pods scheduled",
    nodes: two(cm("4000", "10000"), cm("4000", "10000")),
    existing: [on("node1", 0), on("node1", 1), on("node2", 0), on("node2", 1)],
    pod: {},
    config: config(DEFAULT),
    scores: { node1: 100, node2: 100 },
  },
  {
    name: "no resources requested, pods scheduled with resources",
    nodes: two(cm("10000", "20000"), cm("10000", "20000")),
    existing: [on("node1", 0, cm("3000", "0")), on("node1", 1, cm("3000", "0")), on("node2", 0, cm("3000", "0")), on("node2", 1, cm("3000", "5000"))],
    pod: {},
    config: config(DEFAULT),
    scores: { node1: 70, node2: 57 },
  },
  {
    name: "resources requested, pods scheduled with resources",
    nodes: two(cm("10000", "20000"), cm("10000", "20000")),
    existing: [on("node1", 0, cm("3000", "0")), on("node2", 0, cm("3000", "5000"))],
    pod: twoContainers,
    config: config(DEFAULT),
    scores: { node1: 57, node2: 45 },
  },
  {
    name: "resources requested, pods scheduled with resources, differently sized nodes",
    nodes: two(cm("10000", "20000"), cm("10000", "50000")),
    existing: [on("node1", 0, cm("3000", "0")), on("node2", 0, cm("3000", "5000"))],
    pod: twoContainers,
    config: config(DEFAULT),
    scores: { node1: 57, node2: 60 },
  },
  {
    name: "requested resources exceed node capacity",
    nodes: two(cm("4000", "10000"), cm("4000", "10000")),
    existing: [on("node1", 0, cm("3000", "0")), on("node2", 0, cm("3000", "5000"))],
    pod: { containers: [cm("3000", "0")] },
    config: config(DEFAULT),
    scores: { node1: 50, node2: 25 },
  },
  {
    name: "zero node resources, pods scheduled with resources",
    nodes: two({}, {}),
    existing: [on("node1", 0, cm("3000", "0")), on("node2", 0, cm("3000", "5000"))],
    pod: {},
    config: config(DEFAULT),
    scores: { node1: 0, node2: 0 },
  },
  {
    name: "nothing scheduled, resources requested with different weight on CPU and memory, differently sized nodes",
    nodes: two(cm("4000", "10000"), cm("6000", "10000")),
    pod: twoContainers,
    config: config([
      { name: "memory", weight: 2 },
      { name: "cpu", weight: 1 },
    ]),
    scores: { node1: 41, node2: 50 },
  },
  {
    name: "resource with zero weight",
    note: "upstream: a validation error (internal config); a v1 file defaults weight 0 to 1, so cpu and memory weigh 1 each",
    nodes: [nodeOf("node1", cm("4000", "10000"))],
    pod: twoContainers,
    config: config([
      { name: "memory", weight: 1 },
      { name: "cpu", weight: 0 },
    ]),
    scores: { node1: 37 }, // (25 + 50) / 2
  },
  {
    name: "bypass extended resource if the pod does not request",
    nodes: two(cm("6000", "10000"), { ...cm("6000", "10000"), [EXT]: "4" }),
    pod: twoContainers,
    config: config(EXTENDED_SET),
    scores: { node1: 50, node2: 50 },
  },
  {
    name: "honor extended resource if the pod requests",
    nodes: two({ ...cm("6000", "10000"), [EXT]: "4" }, { ...cm("6000", "10000"), [EXT]: "10" }),
    pod: { containers: [{ ...cm("3000", "5000"), [EXT]: "2" }] },
    config: config(EXTENDED_SET),
    scores: { node1: 50, node2: 60 },
  },
  {
    name: "if the node doesn't have a resource",
    nodes: two(cm("6000", "10000"), { ...cm("6000", "10000"), [EXT]: "4" }),
    pod: { containers: [cm("3000", "4000")] },
    config: config([{ name: EXT, weight: 2 }, ...DEFAULT]),
    scores: { node1: 55, node2: 55 },
  },
]

const mostCases = (config: (resources?: typeof DEFAULT) => string): ReadonlyArray<TableCase> => [
  {
    name: "nothing scheduled, nothing requested",
    nodes: two(cm("4000", "10000"), cm("4000", "10000")),
    pod: {},
    config: config(DEFAULT),
    scores: { node1: 0, node2: 0 },
  },
  {
    name: "nothing scheduled, resources requested, differently sized nodes",
    nodes: two(cm("4000", "10000"), cm("6000", "10000")),
    pod: twoContainers,
    config: config(DEFAULT),
    scores: { node1: 62, node2: 50 },
  },
  {
    name: "Resources not set, pods scheduled with error",
    note: "upstream: Score errors (internal config, no resources); a v1 file without resources defaults to cpu and memory",
    nodes: two(cm("4000", "10000"), cm("6000", "10000")),
    pod: twoContainers,
    config: config(),
    scores: { node1: 62, node2: 50 },
  },
  {
    name: "no resources requested, pods scheduled with resources",
    nodes: two(cm("10000", "20000"), cm("10000", "20000")),
    existing: [on("node1", 0, cm("3000", "0")), on("node1", 1, cm("3000", "0")), on("node2", 0, cm("3000", "0")), on("node2", 1, cm("3000", "5000"))],
    pod: {},
    config: config(DEFAULT),
    scores: { node1: 30, node2: 42 },
  },
  {
    name: "resources requested, pods scheduled with resources",
    nodes: two(cm("10000", "20000"), cm("10000", "20000")),
    existing: [on("node1", 0, cm("3000", "0")), on("node2", 0, cm("3000", "5000"))],
    pod: twoContainers,
    config: config(DEFAULT),
    scores: { node1: 42, node2: 55 },
  },
  {
    name: "resources requested equal node capacity",
    nodes: two(cm("5000", "10000"), cm("10000", "9000")),
    pod: { containers: [cm("2000", "4000"), cm("3000", "5000")] },
    config: config(DEFAULT),
    scores: { node1: 95, node2: 75 },
  },
  {
    // upstream repeats the second case's name for this one; suffixed to keep names unique
    name: "nothing scheduled, resources requested, differently sized nodes (memory weight 2)",
    nodes: two(cm("4000", "10000"), cm("6000", "10000")),
    pod: twoContainers,
    config: config([
      { name: "memory", weight: 2 },
      { name: "cpu", weight: 1 },
    ]),
    scores: { node1: 58, node2: 50 },
  },
  {
    name: "no resources requested, pods scheduled, nonzero request for resource",
    nodes: two(cm("250m", "1000Mi"), cm("250m", "1000Mi")),
    existing: [podOf("e0", { nodeName: "node1", containers: [undefined] }), podOf("e1", { nodeName: "node1", containers: [undefined] })],
    pod: { containers: [undefined] },
    config: config(DEFAULT),
    scores: { node1: 80, node2: 30 },
  },
  {
    name: "resource with zero weight",
    note: "upstream: a validation error (internal config); a v1 file defaults weight 0 to 1",
    nodes: [nodeOf("node2", cm("4000", "10000"))],
    pod: twoContainers,
    config: config([
      { name: "memory", weight: 1 },
      { name: "cpu", weight: 0 },
    ]),
    scores: { node2: 62 }, // (75 + 50) / 2
  },
  {
    name: "bypass extended resource if the pod does not request",
    nodes: two(cm("6000", "10000"), { ...cm("6000", "10000"), [EXT]: "4" }),
    pod: twoContainers,
    config: config(EXTENDED_SET),
    scores: { node1: 50, node2: 50 },
  },
  {
    name: "honor extended resource if the pod request",
    nodes: two({ ...cm("6000", "10000"), [EXT]: "4" }, { ...cm("6000", "10000"), [EXT]: "10" }),
    pod: { containers: [{ ...cm("3000", "5000"), [EXT]: "2" }] },
    config: config(EXTENDED_SET),
    scores: { node1: 50, node2: 40 },
  },
  {
    name: "if the node doesn't have a resource",
    nodes: two(cm("6000", "10000"), { ...cm("6000", "10000"), [EXT]: "4" }),
    pod: { containers: [cm("3000", "4000")] },
    config: config([{ name: EXT, weight: 2 }, ...DEFAULT]),
    scores: { node1: 45, node2: 45 },
  },
]

describeTable("least_allocated_test.go TestLeastAllocatedScoringStrategy", PLUGIN, leastCases((r) => strategy("LeastAllocated", r)))
describeTable("most_allocated_test.go TestMostAllocatedScoringStrategy", PLUGIN, mostCases((r) => strategy("MostAllocated", r)))

describe("least_allocated_test.go / most_allocated_test.go: weights a configuration file refuses", () => {
  const refused = (type: Strategy, resources: ReadonlyArray<{ name: string; weight: number }>, field: string) => () =>
    expect(() => parseSchedulerConfig(strategy(type, resources), "config.yaml")).toThrow(field)
  it("resource with negative weight (LeastAllocated)", refused("LeastAllocated", [{ name: "memory", weight: -1 }, { name: "cpu", weight: 1 }], "scoringStrategy.resources[0].weight"))
  it("resource weight larger than MaxNodeScore (LeastAllocated)", refused("LeastAllocated", [{ name: "memory", weight: 1 }, { name: "cpu", weight: 101 }], "scoringStrategy.resources[1].weight"))
  it("resource with negative weight (MostAllocated)", refused("MostAllocated", [{ name: "memory", weight: -1 }, { name: "cpu", weight: 1 }], "scoringStrategy.resources[0].weight"))
  it("resource weight larger than MaxNodeScore (MostAllocated)", refused("MostAllocated", [{ name: "memory", weight: 101 }], "scoringStrategy.resources[0].weight"))
})

const LEAST_SHAPE: Shape = [
  { utilization: 0, score: 10 },
  { utilization: 100, score: 0 },
]
const ratio = (resources: typeof DEFAULT, shape: Shape) => strategy("RequestedToCapacityRatio", resources, shape)

describeTable("requested_to_capacity_ratio_test.go TestRequestedToCapacityRatioScoringStrategy", PLUGIN, [
  {
    name: "nothing scheduled, nothing requested (default - least requested nodes have priority)",
    nodes: two(cm("4000", "10000"), cm("4000", "10000")),
    existing: [on("node1", 0), on("node1", 1)],
    pod: {},
    config: ratio(DEFAULT, LEAST_SHAPE),
    scores: { node1: 100, node2: 100 },
  },
  {
    name: "nothing scheduled, resources requested, differently sized nodes (default - least requested nodes have priority)",
    nodes: two(cm("4000", "10000"), cm("6000", "10000")),
    existing: [on("node1", 0), on("node1", 1)],
    pod: twoContainers,
    config: ratio(DEFAULT, LEAST_SHAPE),
    scores: { node1: 38, node2: 50 },
  },
  {
    name: "no resources requested, pods scheduled with resources (default - least requested nodes have priority)",
    nodes: two(cm("4000", "10000"), cm("6000", "10000")),
    existing: [on("node1", 0, cm("3000", "5000")), on("node2", 0, cm("3000", "5000"))],
    pod: {},
    config: ratio(DEFAULT, LEAST_SHAPE),
    scores: { node1: 38, node2: 50 },
  },
])

// makeNode(name, 4000 milliCPU, 10000 MiB, extended): the cpu and memory are never scored here
const extNode = (name: string, ext: Readonly<Record<string, string>>) => nodeOf(name, { cpu: "4", memory: "10000Mi", pods: "110", ...ext })
const BIN_PACKING: Shape = [
  { utilization: 0, score: 0 },
  { utilization: 100, score: 1 },
]
const FOO = "intel.com/foo"
const BAR = "intel.com/bar"
const single = ratio([{ name: FOO, weight: 1 }], BIN_PACKING)
const singleNodes = [extNode("node1", { [FOO]: "8" }), extNode("node2", { [FOO]: "4" })]

describeTable("requested_to_capacity_ratio_test.go TestResourceBinPackingSingleExtended", PLUGIN, [
  { name: "nothing scheduled, nothing requested", nodes: singleNodes, pod: {}, config: single, scores: { node1: 0, node2: 0 } },
  {
    name: "resources requested, pods scheduled with less resources",
    note: "upstream's existing pod has no node, so it is on none; here it is simply absent",
    nodes: singleNodes,
    pod: { containers: [{ [FOO]: "2" }] },
    config: single,
    scores: { node1: 2, node2: 5 },
  },
  {
    name: "resources requested, pods scheduled with resources, on node with existing pod running ",
    nodes: singleNodes,
    existing: [podOf("e0", { nodeName: "node2", containers: [{ [FOO]: "2" }] })],
    pod: { containers: [{ [FOO]: "2" }] },
    config: single,
    scores: { node1: 2, node2: 10 },
  },
  {
    name: "resources requested, pods scheduled with more resources",
    nodes: singleNodes,
    pod: { containers: [{ [FOO]: "4" }] },
    config: single,
    scores: { node1: 5, node2: 10 },
  },
])

const multiple = ratio(
  [
    { name: FOO, weight: 3 },
    { name: BAR, weight: 5 },
  ],
  BIN_PACKING,
)
const multipleNodes = [extNode("node1", { [FOO]: "8", [BAR]: "4" }), extNode("node2", { [FOO]: "4", [BAR]: "8" })]

describeTable("requested_to_capacity_ratio_test.go TestResourceBinPackingMultipleExtended", PLUGIN, [
  { name: "nothing scheduled, nothing requested", nodes: multipleNodes, pod: {}, config: multiple, scores: { node1: 0, node2: 0 } },
  {
    name: "resources requested, pods scheduled with less resources",
    nodes: multipleNodes,
    pod: { containers: [{ [FOO]: "2", [BAR]: "2" }] },
    config: multiple,
    scores: { node1: 4, node2: 3 },
  },
  {
    name: "resources requested, pods scheduled with resources, on node with existing pod running ",
    nodes: multipleNodes,
    existing: [podOf("e0", { nodeName: "node2", containers: [{ [FOO]: "4", [BAR]: "2" }] })],
    pod: { containers: [{ [FOO]: "2", [BAR]: "2" }] },
    config: multiple,
    scores: { node1: 4, node2: 7 },
  },
  {
    name: "resources requested, pods scheduled with more resources",
    nodes: multipleNodes,
    pod: { containers: [{ [FOO]: "4", [BAR]: "2" }] },
    config: multiple,
    scores: { node1: 5, node2: 5 },
  },
])

describe("requested_to_capacity_ratio_test.go TestBrokenLinearFunction", () => {
  // upstream's shapes on the 0..10 score scale; the kernel is linear, so it reads them unscaled
  const tables: ReadonlyArray<{ readonly points: ReadonlyArray<readonly [number, number]>; readonly at: ReadonlyArray<readonly [number, number]> }> = [
    {
      points: [
        [10, 1],
        [90, 9],
      ],
      at: [[-10, 1], [0, 1], [9, 1], [10, 1], [15, 1], [19, 1], [20, 2], [89, 8], [90, 9], [99, 9], [100, 9], [110, 9]],
    },
    {
      points: [
        [0, 2],
        [40, 10],
        [100, 0],
      ],
      at: [[-10, 2], [0, 2], [20, 6], [30, 8], [40, 10], [70, 5], [100, 0], [110, 0]],
    },
    {
      points: [
        [0, 2],
        [40, 2],
        [100, 2],
      ],
      at: [[-10, 2], [0, 2], [20, 2], [30, 2], [40, 2], [70, 2], [100, 2], [110, 2]],
    },
  ]
  tables.forEach((t, i) => {
    it(`case_${i}`, () => {
      const u = t.points.map((p) => p[0])
      const s = t.points.map((p) => p[1])
      expect(t.at.map(([p]) => [p, brokenLinear(u, s, p)])).toEqual(t.at)
    })
  })
})

const fitNodes = two(cm("4000", "10000"), cm("6000", "10000"))
const fitExisting = [on("node1", 0, cm("2000", "4000")), on("node2", 0, cm("1000", "2000"))]
const sidecarExisting = [
  podOf("e0", { nodeName: "node1", containers: [cm("1000", "2000")], initContainers: [{ requests: cm("1000", "2000"), sidecar: true }] }),
  podOf("e1", { nodeName: "node2", containers: [cm("1000", "2000")] }),
]

describeTable("fit_test.go TestFitScore", PLUGIN, [
  {
    name: "test case for ScoringStrategy RequestedToCapacityRatio case1",
    nodes: fitNodes,
    existing: fitExisting,
    pod: { containers: [cm("3000", "5000")] },
    config: ratio(DEFAULT, LEAST_SHAPE),
    scores: { node1: 10, node2: 32 },
  },
  {
    name: "test case for ScoringStrategy RequestedToCapacityRatio case2",
    nodes: fitNodes,
    existing: fitExisting,
    pod: { containers: [cm("3000", "5000")] },
    config: ratio(DEFAULT, [
      { utilization: 0, score: 0 },
      { utilization: 100, score: 10 },
    ]),
    scores: { node1: 95, node2: 68 },
  },
  {
    name: "test case for ScoringStrategy MostAllocated",
    nodes: fitNodes,
    existing: fitExisting,
    pod: { containers: [cm("1000", "2000")] },
    config: strategy("MostAllocated", DEFAULT),
    scores: { node1: 67, node2: 36 },
  },
  {
    name: "test case for ScoringStrategy LeastAllocated",
    nodes: fitNodes,
    existing: fitExisting,
    pod: { containers: [cm("1000", "2000")] },
    config: strategy("LeastAllocated", DEFAULT),
    scores: { node1: 32, node2: 63 },
  },
  {
    name: "test case for ScoringStrategy MostAllocated with sidecar container",
    nodes: two(cm("4000", "10000"), cm("4000", "10000")),
    existing: sidecarExisting,
    pod: { containers: [cm("1000", "2000")] },
    config: strategy("MostAllocated", DEFAULT),
    scores: { node1: 67, node2: 45 },
  },
  {
    name: "test case for ScoringStrategy LeastAllocated with sidecar container",
    nodes: two(cm("4000", "10000"), cm("4000", "10000")),
    existing: sidecarExisting,
    pod: { containers: [cm("1000", "2000")] },
    config: strategy("LeastAllocated", DEFAULT),
    scores: { node1: 32, node2: 55 },
  },
])
