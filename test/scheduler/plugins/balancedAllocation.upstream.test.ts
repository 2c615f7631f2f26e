/**
 * NodeResourcesBalancedAllocation, restated from Kubernetes v1.35's `balanced_allocation_test.go`
 * (TestNodeResourcesBalancedAllocation) as manifests through the scheduler with only that plugin,
 * on both engines (upstreamTable.ts). upstream's `makeNode(name, milliCPU, memory, scalars)` is a
 * node with that allocatable; its pods' `NodeName` places them (the incoming pod's is dropped: it
 * only served the direct Score call).
 *
 * Not restated: "... if PreScore not called" (the same inputs through a code path a scheduling
 * cycle never takes) and the two DRA extended-resource cases (a DeviceClass and ResourceSlices;
 * catcluster refuses DynamicResources). Two cases at the end are catcluster's own, from
 * balanced_allocation.go's semantics, for what the newest table no longer covers: a request
 * above the node's allocatable (each fraction is clamped to 1) and three resources with one at 0.
 */
import { configOf, describeTable, type Manifest, nodeOf, podOf, type PodOptions } from "./upstreamTable.ts"

const PLUGIN = "NodeResourcesBalancedAllocation"
const GPU = "nvidia.com/gpu"

const node = (name: string, milliCpu: number, memory: number, more: Readonly<Record<string, string>> = {}): Manifest =>
  nodeOf(name, { cpu: `${milliCpu}m`, memory: `${memory}`, ...more })

const cpuAndMemory: PodOptions = {
  containers: [
    { cpu: "1000m", memory: "2000" },
    { cpu: "2000m", memory: "3000" },
  ],
}
const cpuOnly: PodOptions = {
  containers: [
    { cpu: "1000m", memory: "0" },
    { cpu: "2000m", memory: "0" },
  ],
}
const cpuAndMemoryAndGpu: PodOptions = {
  containers: [
    { cpu: "1000m", memory: "2000" },
    { cpu: "2000m", memory: "3000", [GPU]: "3" },
  ],
}
const at = (name: string, nodeName: string, spec: PodOptions): Manifest => podOf(name, { ...spec, nodeName })

const resources = (...names: ReadonlyArray<string>) => configOf(PLUGIN, "both", { resources: names.map((name) => ({ name, weight: 1 })) })
const DEFAULT = resources("cpu", "memory")

describeTable("balanced_allocation_test.go TestNodeResourcesBalancedAllocation", PLUGIN, [
  {
    name: "nothing scheduled, nothing requested, skip in PreScore",
    nodes: [node("node1", 4000, 10000), node("node2", 4000, 10000)],
    pod: {},
    config: DEFAULT,
    // PreScore skips: no score on any node
    scores: { node1: null, node2: null },
  },
  {
    name: "nothing scheduled, resources requested, differently sized nodes",
    nodes: [node("node1", 4000, 10000), node("node2", 6000, 10000)],
    pod: cpuAndMemory,
    config: DEFAULT,
    scores: { node1: 87, node2: 100 },
  },
  {
    name: "resources requested, pods scheduled with resources",
    nodes: [node("node1", 10000, 20000), node("node2", 10000, 20000)],
    existing: [at("e0", "node1", cpuOnly), at("e1", "node2", cpuAndMemory)],
    pod: cpuAndMemory,
    config: DEFAULT,
    scores: { node1: 82, node2: 95 },
  },
  {
    name: "resources requested, pods scheduled with resources, differently sized nodes",
    nodes: [node("node1", 10000, 20000), node("node2", 10000, 50000)],
    existing: [at("e0", "node1", cpuOnly), at("e1", "node2", cpuAndMemory)],
    pod: cpuAndMemory,
    config: DEFAULT,
    scores: { node1: 82, node2: 80 },
  },
  {
    name: "requested resources at node capacity",
    nodes: [node("node1", 6000, 10000), node("node2", 6000, 10000)],
    existing: [at("e0", "node1", cpuOnly), at("e1", "node2", cpuAndMemory)],
    pod: cpuOnly,
    config: DEFAULT,
    scores: { node1: 50, node2: 75 },
  },
  {
    name: "include scalar resource on a node for balanced resource allocation",
    nodes: [node("node1", 3500, 40000, { [GPU]: "8" }), node("node2", 3500, 40000, { [GPU]: "8" })],
    existing: [at("e0", "node2", cpuAndMemory), at("e1", "node1", cpuAndMemoryAndGpu)],
    pod: { containers: [{ memory: "0", [GPU]: "1" }] },
    config: resources("cpu", "memory", GPU),
    scores: { node1: 70, node2: 65 },
  },
  {
    name: "node without the scalar resource should skip the scalar resource",
    nodes: [node("node1", 3500, 40000, { [GPU]: "8" }), node("node2", 3500, 40000)],
    pod: cpuAndMemory,
    config: resources("cpu", "memory", GPU),
    scores: { node1: 63, node2: 63 },
  },
  {
    name: "catcluster: requested resources above node capacity (fractions clamped to 1)",
    // cpu 3000m of 2000m → 1 (not 1.5), memory 0 → 0: |1 − 0| / 2 = 0.5 → 50; node2 fits: 3000/6000 vs 0 → 75
    nodes: [node("node1", 2000, 10000), node("node2", 6000, 10000)],
    pod: cpuOnly,
    config: DEFAULT,
    scores: { node1: 50, node2: 75 },
  },
  {
    name: "catcluster: three resources, one requested at zero",
    // a scalar resource the pod asks 0 of is left out (not counted as fraction 0, which would give
    // σ(0.75, 0.5, 0) = 0.3118 → 68 on node1): both nodes score |0.75 − 0.5| / 2 = 0.125 → 87
    nodes: [node("node1", 4000, 10000, { [GPU]: "8" }), node("node2", 4000, 10000)],
    pod: { containers: [{ cpu: "3000m", memory: "5000", [GPU]: "0" }] },
    config: resources("cpu", "memory", GPU),
    scores: { node1: 87, node2: 87 },
  },
])
