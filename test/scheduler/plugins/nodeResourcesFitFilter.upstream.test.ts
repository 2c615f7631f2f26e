/**
 * NodeResourcesFit's filter, restated from Kubernetes v1.35's `fit_test.go` (TestEnoughRequests,
 * TestNotEnoughRequests, TestStorageRequests, TestRestartableInitContainers) as manifests through
 * the scheduler with only NodeResourcesFit filtering, on both engines (upstreamTable.ts).
 *
 * Upstream's node: 10m cpu, 20 bytes memory, 32 pods, 5 `example.com/aaa`, 20 bytes ephemeral
 * storage, 5 `hugepages-2Mi` (counted in pages here: the API server wants whole 2Mi pages) (1 pod and no extended resources in TestNotEnoughRequests; 2m
 * cpu, 0 memory, 1 pod in TestRestartableInitContainers). Upstream's `nodeInfo` pod is a bound pod
 * here. A failing case expects the reasons on the node and kube-scheduler's whole message, whose
 * preemption part shows the status code: UnschedulableAndUnresolvable (a request above the
 * node's allocatable; "Preemption is not helpful") or Unschedulable ("No preemption victims").
 *
 * Not restated (cannot be expressed): the DRA-backed extended resource cases (a DeviceClass maps
 * the resource to devices; catcluster refuses DynamicResources) and the SidecarContainers
 * feature-gate-off case (the gate is locked on in v1.35).
 */
import { configOf, describeTable, type Manifest, nodeOf, pendingMessage, type PodOptions, podOf, type TableCase } from "./upstreamTable.ts"

const PLUGIN = "NodeResourcesFit"
const A = "example.com/aaa"
const B = "example.com/bbb"
const K8S_A = "kubernetes.io/something"
const K8S_B = "subdomain.kubernetes.io/something"
const HUGE = "hugepages-2Mi"
const DRA = "extended.resource.dra.io/something"

type Amounts = Readonly<Record<string, string>>
/** upstream's `framework.Resource{MilliCPU, Memory, ...}` as requests (cpu and memory always written, as its newResourcePod does). */
const r = (milliCpu: number, memory: number, more: Amounts = {}): Amounts => ({ cpu: `${milliCpu}m`, memory: `${memory}`, ...more })

/** upstream's hugepage amounts count pages here (the API server wants whole 2Mi pages), so every ratio is upstream's. */
const hp = (pages: number): string => `${pages * 2}Mi`

const ENOUGH_NODE = nodeOf("node1", { cpu: "10m", memory: "20", pods: "32", [A]: "5", "ephemeral-storage": "20", [HUGE]: hp(5) })
const bound = (requests: Amounts): ReadonlyArray<Manifest> => [podOf("existing", { nodeName: "node1", containers: [requests] })]

const filter = (args?: Manifest) => configOf(PLUGIN, "filter", args)

const fits = (name: string, pod: PodOptions, existing: Amounts, node: Manifest = ENOUGH_NODE, args?: Manifest): TableCase => ({
  name,
  nodes: [node],
  existing: bound(existing),
  pod,
  config: filter(args),
  reasons: {},
  node: "node1",
})

const fails = (
  name: string,
  pod: PodOptions,
  existing: Amounts,
  reasons: ReadonlyArray<string>,
  code: "Unschedulable" | "UnschedulableAndUnresolvable",
  node: Manifest = ENOUGH_NODE,
  args?: Manifest,
): TableCase => ({
  name,
  nodes: [node],
  existing: bound(existing),
  pod,
  config: filter(args),
  reasons: { node1: reasons },
  node: null,
  message: pendingMessage(1, reasons, code === "Unschedulable"),
})

const ins = (resource: string) => `Insufficient ${resource}`
const one = (requests: Amounts): PodOptions => ({ containers: [requests] })
const withInit = (containers: ReadonlyArray<Amounts>, ...inits: ReadonlyArray<Amounts>): PodOptions => ({ containers, initContainers: inits.map((requests) => ({ requests })) })

describeTable("fit_test.go TestEnoughRequests", PLUGIN, [
  fits("no resources requested always fits", {}, r(10, 20)),
  fails("too many resources fails", one(r(1, 1)), r(10, 20), [ins("cpu"), ins("memory")], "Unschedulable"),
  fails("too many resources fails due to init container cpu", withInit([r(1, 1)], r(3, 1)), r(8, 19), [ins("cpu")], "Unschedulable"),
  fails("too many resources fails due to highest init container cpu", withInit([r(1, 1)], r(3, 1), r(2, 1)), r(8, 19), [ins("cpu")], "Unschedulable"),
  fails("too many resources fails due to init container memory", withInit([r(1, 1)], r(1, 3)), r(9, 19), [ins("memory")], "Unschedulable"),
  fails("too many resources fails due to highest init container memory", withInit([r(1, 1)], r(1, 3), r(1, 2)), r(9, 19), [ins("memory")], "Unschedulable"),
  fits("init container fits because it's the max, not sum, of containers and init containers", withInit([r(1, 1)], r(1, 1)), r(9, 19)),
  fits("multiple init containers fit because it's the max, not sum, of containers and init containers", withInit([r(1, 1)], r(1, 1), r(1, 1)), r(9, 19)),
  fits("both resources fit", one(r(1, 1)), r(5, 5)),
  fails("one resource memory fits", one(r(2, 1)), r(9, 5), [ins("cpu")], "Unschedulable"),
  fails("one resource cpu fits", one(r(1, 2)), r(5, 19), [ins("memory")], "Unschedulable"),
  fits("equal edge case", one(r(5, 1)), r(5, 19)),
  fits("equal edge case for init container", withInit([r(4, 1)], r(5, 1)), r(5, 19)),
  fits("extended resource fits", one(r(0, 0, { [A]: "1" })), r(0, 0)),
  fits("extended resource fits for init container", withInit([r(0, 0)], r(0, 0, { [A]: "1" })), r(0, 0)),
  fails("extended resource capacity enforced", one(r(1, 1, { [A]: "10" })), r(0, 0, { [A]: "0" }), [ins(A)], "UnschedulableAndUnresolvable"),
  fails("extended resource capacity enforced for init container", withInit([r(0, 0)], r(1, 1, { [A]: "10" })), r(0, 0, { [A]: "0" }), [ins(A)], "UnschedulableAndUnresolvable"),
  fails("extended resource allocatable enforced", one(r(1, 1, { [A]: "1" })), r(0, 0, { [A]: "5" }), [ins(A)], "Unschedulable"),
  fails("extended resource allocatable enforced for init container", withInit([r(0, 0)], r(1, 1, { [A]: "1" })), r(0, 0, { [A]: "5" }), [ins(A)], "Unschedulable"),
  fails(
    "extended resource allocatable enforced for multiple containers",
    { containers: [r(1, 1, { [A]: "3" }), r(1, 1, { [A]: "3" })] },
    r(0, 0, { [A]: "2" }),
    [ins(A)],
    "UnschedulableAndUnresolvable",
  ),
  fits("extended resource allocatable admits multiple init containers", withInit([r(0, 0)], r(1, 1, { [A]: "3" }), r(1, 1, { [A]: "3" })), r(0, 0, { [A]: "2" })),
  fails(
    "extended resource allocatable enforced for multiple init containers",
    withInit([r(0, 0)], r(1, 1, { [A]: "6" }), r(1, 1, { [A]: "3" })),
    r(0, 0, { [A]: "2" }),
    [ins(A)],
    "UnschedulableAndUnresolvable",
  ),
  fails("extended resource allocatable enforced for unknown resource", one(r(1, 1, { [B]: "1" })), r(0, 0), [ins(B)], "UnschedulableAndUnresolvable"),
  fails("extended resource allocatable enforced for unknown resource for init container", withInit([r(0, 0)], r(1, 1, { [B]: "1" })), r(0, 0), [ins(B)], "UnschedulableAndUnresolvable"),
  fails("kubernetes.io resource capacity enforced", one(r(1, 1, { [K8S_A]: "10" })), r(0, 0), [ins(K8S_A)], "UnschedulableAndUnresolvable"),
  fails("kubernetes.io resource capacity enforced for init container", withInit([r(0, 0)], r(1, 1, { [K8S_B]: "10" })), r(0, 0), [ins(K8S_B)], "UnschedulableAndUnresolvable"),
  fails("hugepages resource capacity enforced", one(r(1, 1, { [HUGE]: hp(10) })), r(0, 0, { [HUGE]: hp(0) }), [ins(HUGE)], "UnschedulableAndUnresolvable"),
  fails("hugepages resource capacity enforced for init container", withInit([r(0, 0)], r(1, 1, { [HUGE]: hp(10) })), r(0, 0, { [HUGE]: hp(0) }), [ins(HUGE)], "UnschedulableAndUnresolvable"),
  fails(
    "hugepages resource allocatable enforced for multiple containers",
    { containers: [r(1, 1, { [HUGE]: hp(3) }), r(1, 1, { [HUGE]: hp(3) })] },
    r(0, 0, { [HUGE]: hp(2) }),
    [ins(HUGE)],
    "UnschedulableAndUnresolvable",
  ),
  fits("skip checking ignored extended resource", one(r(1, 1, { [B]: "1" })), r(0, 0), ENOUGH_NODE, { ignoredResources: [B] }),
  fits("resources + pod overhead fits", { containers: [r(1, 1)], overhead: { cpu: "3m", memory: "13" } }, r(5, 5)),
  fails("requests + overhead does not fit for memory", { containers: [r(1, 1)], overhead: { cpu: "1m", memory: "15" } }, r(5, 5), [ins("memory")], "Unschedulable"),
  fails(
    "skip checking ignored extended resource via resource groups",
    one(r(1, 1, { [B]: "1", [K8S_A]: "1" })),
    r(0, 0),
    [ins(K8S_A)],
    "UnschedulableAndUnresolvable",
    ENOUGH_NODE,
    { ignoredResourceGroups: ["example.com"] },
  ),
  fits("skip checking extended resource request with quantity zero via resource groups", one(r(1, 1, { [A]: "0" })), r(0, 0, { [A]: "6" })),
  fits("skip checking resource request with quantity zero", one(r(0, 0, { [A]: "1" })), r(20, 30, { [A]: "1" })),
  fits("both pod-level and container-level resources fit", { containers: [r(1, 1)], podRequests: { cpu: "1m", memory: "2" } }, r(5, 5)),
  fails("pod-level cpu resource not fit", { containers: [r(1, 1)], podRequests: { cpu: "7m", memory: "2" } }, r(5, 5), [ins("cpu")], "Unschedulable"),
  fails("pod-level memory resource not fit", { containers: [r(1, 1)], podRequests: { cpu: "3m", memory: "2" } }, r(5, 19), [ins("memory")], "Unschedulable"),
  {
    ...fits("pod-level hugepages resource fit", { podRequests: { cpu: "3m", memory: "2", [HUGE]: hp(5) } }, r(0, 0)),
    existing: [],
  },
  {
    ...fits("both pod-level and container-level hugepages resource fit", { containers: [r(1, 1, { [HUGE]: hp(3) })], podRequests: { cpu: "3m", memory: "2", [HUGE]: hp(5) } }, r(0, 0)),
    existing: [],
  },
  {
    ...fails("pod-level hugepages resource not fit", { podRequests: { cpu: "3m", memory: "2", [HUGE]: hp(10) } }, r(0, 0), [ins(HUGE)], "UnschedulableAndUnresolvable"),
    existing: [],
  },
  fails(
    "one pod-level cpu resource fits and all init and non-init containers resources fit",
    { containers: [r(1, 1)], podRequests: { cpu: "3m", memory: "2" }, initContainers: [{ requests: r(1, 1) }] },
    r(5, 19),
    [ins("memory")],
    "Unschedulable",
  ),
  fits("extended resource backed by device plugin", one({ [A]: "1" }), {}),
  fits("extended resource backed by DRA, nil draManager", one(r(1, 1, { [A]: "1" })), r(0, 0)),
  // without a DeviceClass naming it, a DRA extended resource is an extended resource the node lacks
  fails("extended resource backed by DRA not enabled", one(r(1, 1, { [DRA]: "1" })), r(0, 0), [ins(DRA)], "UnschedulableAndUnresolvable"),
  fails("extended resource NOT backed by DRA", one(r(1, 1, { [B]: "1" })), r(0, 0), [ins(B)], "UnschedulableAndUnresolvable"),
  fits("extended resource was backed by Device Plugin (Allocatable: 0), global cache", one({ [A]: "1" }), { [A]: "0" }),
])

const ONE_POD_NODE = nodeOf("node1", { cpu: "10m", memory: "20", pods: "1" })

describeTable("fit_test.go TestNotEnoughRequests", PLUGIN, [
  fails("even without specified resources, predicate fails when there's no space for additional pod", {}, r(10, 20), ["Too many pods"], "Unschedulable", ONE_POD_NODE),
  fails("even if both resources fit, predicate fails when there's no space for additional pod", one(r(1, 1)), r(5, 5), ["Too many pods"], "Unschedulable", ONE_POD_NODE),
  fails("even for equal edge case, predicate fails when there's no space for additional pod", one(r(5, 1)), r(5, 19), ["Too many pods"], "Unschedulable", ONE_POD_NODE),
  fails(
    "even for equal edge case, predicate fails when there's no space for additional pod due to init container",
    withInit([r(5, 1)], r(5, 1)),
    r(5, 19),
    ["Too many pods"],
    "Unschedulable",
    ONE_POD_NODE,
  ),
])

describeTable("fit_test.go TestStorageRequests", PLUGIN, [
  fits("empty storage requested, and pod fits", one(r(1, 1)), r(2, 10)),
  fails("storage ephemeral local storage request exceeds allocatable", one({ "ephemeral-storage": "25" }), r(2, 2), [ins("ephemeral-storage")], "UnschedulableAndUnresolvable"),
  fits("ephemeral local storage is sufficient", one({ "ephemeral-storage": "5" }), r(2, 2, { "ephemeral-storage": "10" })),
  fits("pod fits", one({ "ephemeral-storage": "10" }), r(2, 2)),
])

const SIDECAR_NODE = nodeOf("node1", { cpu: "2m", memory: "0", pods: "1" })
const withSidecar = (request?: Amounts, sidecar?: Amounts): PodOptions => ({ containers: [request], initContainers: [{ ...(sidecar === undefined ? {} : { requests: sidecar }), sidecar: true }] })
const alone = (c: TableCase): TableCase => ({ ...c, existing: [] })

describeTable("fit_test.go TestRestartableInitContainers (SidecarContainers is on in v1.35)", PLUGIN, [
  alone(fits("allow pod without restartable init containers if sidecar containers is enabled", { containers: [undefined] }, {}, SIDECAR_NODE)),
  alone(fits("allow pod with restartable init containers if sidecar containers is enabled", withSidecar(), {}, SIDECAR_NODE)),
  alone(fits("allow pod if the total requested resources do not exceed the node's allocatable resources", withSidecar({ cpu: "1m" }, { cpu: "1m" }), {}, SIDECAR_NODE)),
  alone(
    fails(
      "not allow pod if the total requested resources do exceed the node's allocatable resources",
      withSidecar({ cpu: "1m" }, { cpu: "2m" }),
      {},
      [ins("cpu")],
      "UnschedulableAndUnresolvable",
      SIDECAR_NODE,
    ),
  ),
])
