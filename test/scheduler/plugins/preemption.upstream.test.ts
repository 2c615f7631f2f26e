/**
 * DefaultPreemption, restated from Kubernetes' own tables as manifests through the whole
 * scheduler (upstreamTable.ts): every case is a cluster whose incoming pod fails its cycle, so
 * PostFilter runs; both engines (hot path and readable σ) must agree with each other and with
 * upstream on the nominated node, the victims and, for a pod left pending, the message. A
 * representative subset also runs through `catcluster schedule --explain --json`.
 *
 * Sources: kube-scheduler's `pkg/scheduler/framework/plugins/defaultpreemption/default_preemption_test.go`
 * (TestPostFilter, TestDryRunPreemption, TestSelectBestCandidate, TestCustomSelection,
 * TestCustomOrdering, TestPodEligibleToPreemptOthers, TestPreempt, TestPreEnqueue) and
 * `pkg/scheduler/framework/preemption/preemption_test.go` (TestNodesWherePreemptionMightHelp,
 * TestDryRunPreemption), as the code index stores them: the stored default_preemption_test.go is
 * a revision later than v1.35 (it already has the PodGroup rows, listed below as not
 * expressible), the stored preemption_test.go an earlier one; the rows restated here are the
 * ones whose semantics v1.35 shares. 87 rows were read (default_preemption_test.go 76:
 * TestPostFilter 18, TestDryRunPreemption 19, TestSelectBestCandidate 9, TestCustomSelection 9,
 * TestCustomOrdering 2, TestPodEligibleToPreemptOthers 5, TestPreempt 8, TestPreEnqueue 6;
 * preemption_test.go 11), 36 are restated, 51 cannot be. Upstream's resource helpers are kept:
 * small = 100m / 100 bytes, medium = 200m / 200, large = 300m / 300, veryLarge = 500m / 500;
 * priorities neg −100, low 0, mid 100, high 1000, veryHigh 10000; a node's `Capacity(...)`
 * sets allocatable with 32 pods unless the case says otherwise. Upstream's nodes named
 * "node-a/zone1" carry the labels hostname=node-a, zone=zone1.
 *
 * How rows are read:
 * - TestPostFilter injects each node's status of the failed cycle; here the cycle runs for real,
 *   so a row whose injected status v1.35's own filters would not produce is restated with a
 *   cluster that produces it (each such row says how in its `note`).
 * - TestDryRunPreemption lists every candidate node with its victims; catcluster reports only the
 *   chosen one, so each row is checked twice: the chosen node is one of the candidates with
 *   exactly its victims, and, with the incoming pod pinned to each node in turn (a
 *   `kubernetes.io/hostname` nodeSelector and NodeAffinity, which leaves the victims alone), a
 *   candidate is nominated with its victims and a non-candidate is not nominated at all.
 *   NumPDBViolations is not in catcluster's output: the PDB rows assert the victims, and the
 *   own cases below assert the count through the node choice it decides.
 * - Upstream's start times are nanoseconds after the epoch (epochTime1 … epochTime6); the API
 *   serialises `status.startTime` to the second, so here epochTimeN is N seconds after it.
 *
 * Not expressible (upstream test › case — why):
 * - TestPostFilter › "preemption result filtered out by extenders" — scheduler extenders are not
 *   modelled.
 * - TestPostFilter › "only one node but failed with TestPlugin", "one failed with TestPlugin and
 *   the other pass" — a test-only PreFilter plugin whose AddPod/RemovePod return errors.
 * - TestPostFilter › the six "pod with SchedulingGroup …" rows — PodGroup
 *   (scheduling.k8s.io/v1alpha2), topology-aware workload scheduling and workload-aware
 *   preemption are not part of v1.35 as catcluster models it (no PodGroup objects, no feature
 *   gates for them).
 * - TestDryRunPreemption › "a pod that does not fit on any node", "a pod that fits with no
 *   preemption", "a pod that fits on one node with no preemption", "get Unschedulable in the
 *   preemption phase when the filter plugins filtering the nodes" — test-only filter plugins
 *   (FalseFilter, TrueFilter, MatchFilter, FakeFilter with injected codes) and counted filter
 *   calls.
 * - TestDryRunPreemption › "all nodes are possible candidates, but DefaultPreemptionArgs limits
 *   to 2", "some nodes are not possible candidates, DefaultPreemptionArgs limits to 2",
 *   "preemption offset across multiple scheduling cycles and wrap around", "preemption looks past
 *   numCandidates until a non-PDB violating node is found" — the candidate sample
 *   (minCandidateNodesPercentage/Absolute and the seeded random offset): catcluster examines every
 *   node, for reproducibility.
 * - TestCustomSelection (9 rows), TestCustomOrdering (2 rows) — they replace the plugin's
 *   IsEligiblePod / MoreImportantPod hooks, which no configuration reaches.
 * - TestPodEligibleToPreemptOthers › "Pod with nominated node", "preemption victim pod
 *   terminating, as indicated by the dedicated DisruptionTarget condition", "non-victim Pods
 *   terminating" — a pending pod's status.nominatedNodeName and the DisruptionTarget condition of
 *   terminating victims: catcluster's pending pods carry no nomination and a preemption's victims
 *   are gone at once.
 * - TestPreempt › "Scheduler extenders allow only node1, otherwise node3 would have been chosen",
 *   "Scheduler extenders do not allow any preemption", "One scheduler extender allows only node1,
 *   the other returns error but ignorable. Only node1 would be chosen" — extenders.
 * - TestPreEnqueue (6 rows) — async preemption (a pod waits in PreEnqueue for its own preemption)
 *   and PodGroups.
 * - preemption_test.go › TestNodesWherePreemptionMightHelp (9 rows) — statuses injected per
 *   node, several of which (NodeName, an unknown node condition, VolumeBinding conflicts) cannot be
 *   produced on a chosen node of a manifest cluster while the others differ; the split it checks
 *   (Unschedulable tried, UnschedulableAndUnresolvable not) is what the TestPostFilter rows above
 *   assert through the message.
 * - preemption_test.go › TestDryRunPreemption › "no pdb violation", "pdb violation on each node" —
 *   a fake SelectVictimsOnNode returning the node's first pod and a fixed violation count.
 *
 * Own cases (end of file): PodDisruptionBudget violations are minimised, not forbidden;
 * `preemptionPolicy: Never` from the pod and from its PriorityClass; victims must make the
 * preemptor's required anti-affinity and a DoNotSchedule spread satisfiable, the reprieve being
 * greedy (most important first, budget-violating pods before the others).
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import type { Placement } from "../../../src/scheduler/index.ts"
import { checkCase, configOf, describeTable, type Engine, type Manifest, nodeOf, type PodOptions, placementOf, podOf, type TableCase } from "./upstreamTable.ts"

type Amounts = Readonly<Record<string, string>>

const NEG = -100
const LOW = 0
const MID = 100
const HIGH = 1000
const VERY_HIGH = 10000

const small: Amounts = { cpu: "100m", memory: "100" }
const medium: Amounts = { cpu: "200m", memory: "200" }
const large: Amounts = { cpu: "300m", memory: "300" }
const veryLarge: Amounts = { cpu: "500m", memory: "500" }

/** Upstream's `Capacity(res)`: the resources and 32 pods (unless `res` names pods). */
const capacity = (res: Amounts = {}): Amounts => ({ pods: "32", ...res })

/** A node from upstream's "name/zone/region" form: labels hostname, zone, region. */
const topoNode = (spec: string, res: Amounts = veryLarge): Manifest => {
  const [name, zone, region] = spec.split("/") as [string, string | undefined, string | undefined]
  return nodeOf(name, capacity(res), { labels: { hostname: name, ...(zone === undefined ? {} : { zone }), ...(region === undefined ? {} : { region }) } })
}

/** An existing pod on `node`. */
const on = (name: string, node: string, priority: number | undefined, requests?: Amounts, o: PodOptions = {}): Manifest =>
  podOf(name, { ...o, nodeName: node, ...(priority === undefined ? {} : { priority }), containers: [requests] })

/** The incoming pod. */
const incoming = (priority: number | undefined, requests?: Amounts, o: PodOptions = {}): PodOptions => ({
  ...o,
  ...(priority === undefined ? {} : { priority }),
  containers: [requests],
})

/** epochTimeN, to the second. */
const epoch = (n: number): string => `1970-01-01T00:00:0${n}Z`

const PDB = (name: string, matchLabels: Amounts, status: { disruptionsAllowed: number; disruptedPods?: ReadonlyArray<string> } | undefined, spec: Manifest = {}): Manifest => ({
  apiVersion: "policy/v1",
  kind: "PodDisruptionBudget",
  metadata: { name, namespace: "default" },
  spec: { ...spec, selector: { matchLabels } },
  ...(status === undefined
    ? {}
    : {
        status: {
          disruptionsAllowed: status.disruptionsAllowed,
          ...(status.disruptedPods === undefined ? {} : { disruptedPods: Object.fromEntries(status.disruptedPods.map((p) => [p, "2026-01-01T00:00:00Z"])) }),
        },
      }),
})

const FIT = configOf("NodeResourcesFit", "filter")
const SPREAD = configOf("PodTopologySpread", "filter")

const NO_VICTIMS = "No preemption victims found for incoming pod"
const NOT_HELPFUL = "Preemption is not helpful for scheduling"
const NEVER = "preemption: not eligible due to preemptionPolicy=Never."

// ---------------------------------------------------------------------------------------------
// default_preemption_test.go › TestPostFilter

const onePod = capacity({ pods: "1" })

const postFilterRows: ReadonlyArray<TableCase> = [
  {
    name: "pod with higher priority can be made schedulable",
    nodes: [nodeOf("node1", onePod)],
    existing: [on("p1", "node1", undefined)],
    pod: incoming(HIGH),
    config: FIT,
    node: "node1",
    victims: ["p1"],
  },
  {
    name: "pod with tied priority is still unschedulable",
    nodes: [nodeOf("node1", onePod)],
    existing: [on("p1", "node1", undefined)],
    pod: incoming(undefined),
    config: FIT,
    node: null,
    victims: [],
    message: `0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 ${NO_VICTIMS}.`,
  },
  {
    name: "preemption should respect filteredNodesStatuses",
    note: "node1's injected UnschedulableAndUnresolvable status is produced by cordoning it (NodeUnschedulable)",
    nodes: [nodeOf("node1", onePod, { unschedulable: true })],
    existing: [on("p1", "node1", undefined)],
    pod: incoming(HIGH),
    config: configOf(["NodeUnschedulable", "NodeResourcesFit"], "filter"),
    node: null,
    victims: [],
    message: `0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 ${NOT_HELPFUL}.`,
  },
  {
    name: "preemption should respect absent NodeToStatusReader entry meaning UnschedulableAndUnresolvable",
    note: "node1 gets no status because NodeAffinity's PreFilter narrows the cycle to another node name (matchFields metadata.name)",
    nodes: [nodeOf("node1", onePod)],
    existing: [on("p1", "node1", undefined)],
    pod: incoming(HIGH, undefined, {
      affinity: {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["node9"] }] }] } },
      },
    }),
    config: configOf(["NodeAffinity", "NodeResourcesFit"], "filter"),
    node: null,
    victims: [],
    message: `0/1 nodes are available: 1 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/1 nodes are available: 1 ${NOT_HELPFUL}.`,
  },
  {
    name: "pod can be made schedulable on one node",
    nodes: [nodeOf("node1", onePod), nodeOf("node2", onePod)],
    existing: [on("p1", "node1", HIGH), on("p2", "node2", LOW)],
    pod: incoming(MID),
    config: FIT,
    node: "node2",
    victims: ["p2"],
  },
  {
    name: "pod can be made schedulable on minHighestPriority node",
    nodes: [nodeOf("node1", onePod), nodeOf("node2", onePod)],
    existing: [
      on("p1", "node1", HIGH, undefined, { labels: { "test.kubernetes.io/is-violating-pdb": "non-violating" } }),
      on("p2", "node1", LOW, undefined, { labels: { "test.kubernetes.io/is-violating-pdb": "violating" } }),
      on("p3", "node2", MID, undefined, { labels: { "test.kubernetes.io/is-violating-pdb": "violating" } }),
    ],
    objects: [
      // minAvailable 100 % and no status: the disruption controller's allowance is 0
      PDB("violating-pdb", { "test.kubernetes.io/is-violating-pdb": "violating" }, undefined, { minAvailable: "100%" }),
      PDB("non-violating-pdb", { "test.kubernetes.io/is-violating-pdb": "non-violating" }, { disruptionsAllowed: 2147483647 }, { minAvailable: 0 }),
    ],
    pod: incoming(VERY_HIGH),
    config: FIT,
    node: "node2",
    victims: ["p3"],
  },
  {
    name: "no candidate nodes found, no enough resource after removing low priority pods",
    note:
      "upstream injects Unschedulable for a 300m pod on 200m nodes, which v1.35's Fit would call unresolvable; here each 400m node " +
      "also runs a pod of the preemptor's own priority (200m), so the cycle fails resolvably and still fails once p1/p2 are gone",
    nodes: [nodeOf("node1", capacity({ cpu: "400m", memory: "400" })), nodeOf("node2", capacity({ cpu: "400m", memory: "400" }))],
    existing: [on("p1", "node1", undefined), on("h1", "node1", HIGH, { cpu: "200m" }), on("p2", "node2", undefined), on("h2", "node2", HIGH, { cpu: "200m" })],
    pod: incoming(HIGH, large),
    config: FIT,
    node: null,
    victims: [],
    message: "0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 Insufficient cpu.",
  },
  {
    name: "no candidate nodes found with mixed reasons, no lower priority pod and no enough CPU resource",
    note: "node1/node3 have room for the cpu (only the pod count fails); node2 as in the previous row",
    nodes: [nodeOf("node1", { ...onePod, ...veryLarge }), nodeOf("node2", capacity({ cpu: "400m", memory: "400" })), nodeOf("node3", { ...onePod, ...veryLarge })],
    existing: [on("p1", "node1", HIGH), on("p2", "node2", undefined), on("h2", "node2", HIGH, { cpu: "200m" }), on("p3", "node3", HIGH)],
    pod: incoming(HIGH, large),
    config: FIT,
    node: null,
    victims: [],
    message: `0/3 nodes are available: 1 Insufficient cpu, 2 Too many pods. preemption: 0/3 nodes are available: 1 Insufficient cpu, 2 ${NO_VICTIMS}.`,
  },
  {
    name: "no candidate nodes found with mixed reason, 2 UnschedulableAndUnresolvable nodes and 2 nodes don't have enough CPU resource",
    note: "node1/node2 as in the rows above; node3/node4 are 200m nodes, on which a 300m request is unresolvable",
    nodes: [
      nodeOf("node1", capacity({ cpu: "400m", memory: "400" })),
      nodeOf("node2", capacity({ cpu: "400m", memory: "400" })),
      nodeOf("node3", capacity({ cpu: "200m", memory: "400" })),
      nodeOf("node4", capacity({ cpu: "200m", memory: "400" })),
    ],
    existing: [on("p1", "node1", undefined), on("h1", "node1", HIGH, { cpu: "200m" }), on("p2", "node2", undefined), on("h2", "node2", HIGH, { cpu: "200m" })],
    pod: incoming(HIGH, large),
    config: FIT,
    node: null,
    victims: [],
    message: `0/4 nodes are available: 4 Insufficient cpu. preemption: 0/4 nodes are available: 2 Insufficient cpu, 2 ${NOT_HELPFUL}.`,
  },
]
describeTable("default_preemption_test.go TestPostFilter", "DefaultPreemption", postFilterRows)

// ---------------------------------------------------------------------------------------------
// default_preemption_test.go › TestDryRunPreemption

/** A DryRun row: every candidate node with its victims (none: no candidate anywhere). */
interface DryRunCase {
  readonly name: string
  readonly note?: string
  readonly nodes: ReadonlyArray<string>
  readonly existing: ReadonlyArray<Manifest>
  readonly objects?: ReadonlyArray<Manifest>
  readonly pod: PodOptions
  /** The plugins upstream registers (at PreFilter and Filter). */
  readonly plugins: ReadonlyArray<string>
  readonly candidates: Readonly<Record<string, ReadonlyArray<string>>>
  /** The message when there is no candidate. */
  readonly message?: string
}

const asCase = (d: DryRunCase, pinnedTo?: string): TableCase => {
  const candidates = Object.keys(d.candidates)
  const base = { name: d.name, nodes: d.nodes.map((n) => topoNode(n)), existing: d.existing, ...(d.objects === undefined ? {} : { objects: d.objects }) }
  if (pinnedTo === undefined) {
    const config = configOf(d.plugins, "filter")
    return { ...base, pod: d.pod, config, ...(candidates.length === 0 ? { node: null, victims: [], ...(d.message === undefined ? {} : { message: d.message }) } : {}) }
  }
  const victims = d.candidates[pinnedTo]
  // a spread constraint counts only the nodes the pod's nodeSelector admits (nodeAffinityPolicy
  // Honor); Ignore keeps upstream's domains, which is what Honor means for the unpinned pod
  const spread = d.pod.topologySpreadConstraints?.map((t) => ({ ...t, nodeAffinityPolicy: "Ignore" }))
  return {
    ...base,
    pod: { ...d.pod, nodeSelector: { "kubernetes.io/hostname": pinnedTo }, ...(spread === undefined ? {} : { topologySpreadConstraints: spread }) },
    // NodeAffinity comes first in kube-scheduler's filter order
    config: configOf(["NodeAffinity", ...d.plugins], "filter"),
    ...(victims === undefined ? { node: null, victims: [] } : { node: pinnedTo, victims }),
  }
}

const both = (c: TableCase): Placement => {
  const readable = placementOf(c, "readable")
  const hot = placementOf(c, "hot")
  expect(hot, "hot ≡ readable").toEqual(readable)
  return readable
}

const describeDryRun = (title: string, rows: ReadonlyArray<DryRunCase>): void => {
  describe(title, () => {
    for (const d of rows) {
      it(`${d.name}: the chosen node is a candidate, with its victims`, () => {
        const c = asCase(d)
        const p = both(c)
        const candidates = Object.keys(d.candidates)
        if (candidates.length === 0) return checkCase(c, "DefaultPreemption", p)
        expect(candidates, "a candidate is nominated").toContain(p.node)
        expect([...p.victims].sort(), "its victims").toEqual((d.candidates[p.node as string] ?? []).map((v) => `default/${v}`).sort())
      })
      it(`${d.name}: pinned to each node, exactly the candidates are nominated`, () => {
        for (const n of d.nodes) {
          const name = n.split("/")[0] as string
          const c = asCase(d, name)
          for (const engine of ["readable", "hot"] as ReadonlyArray<Engine>) {
            const p = placementOf(c, engine)
            expect({ node: p.node, victims: [...p.victims].sort() }, `${name} (${engine})`).toEqual({
              node: c.node,
              victims: (c.victims ?? []).map((v) => `default/${v}`).sort(),
            })
          }
        }
      })
    }
  })
}

const TWO = ["node1", "node2"]
const pdbFoo = (allowed: number, disrupted?: ReadonlyArray<string>) =>
  PDB("pdb", { app: "foo" }, { disruptionsAllowed: allowed, ...(disrupted === undefined ? {} : { disruptedPods: disrupted }) })
const foo = { labels: { app: "foo" } }

describeDryRun("default_preemption_test.go TestDryRunPreemption", [
  {
    name: "a pod that fits on both nodes when lower priority pods are preempted",
    nodes: TWO,
    existing: [on("p1", "node1", MID, large), on("p2", "node2", MID, large)],
    pod: incoming(HIGH, large),
    plugins: ["NodeResourcesFit"],
    candidates: { node1: ["p1"], node2: ["p2"] },
  },
  {
    name: "a pod that would fit on the nodes, but other pods running are higher priority, no preemption would happen",
    nodes: TWO,
    existing: [on("p1", "node1", MID, large), on("p2", "node2", MID, large)],
    pod: incoming(LOW, large),
    plugins: ["NodeResourcesFit"],
    candidates: {},
    message: `0/2 nodes are available: 2 Insufficient cpu, 2 Insufficient memory. preemption: 0/2 nodes are available: 2 ${NO_VICTIMS}.`,
  },
  {
    name: "medium priority pod is preempted, but lower priority one stays as it is small",
    nodes: TWO,
    existing: [on("p1.1", "node1", LOW, small), on("p1.2", "node1", MID, large), on("p2", "node2", MID, large)],
    pod: incoming(HIGH, large),
    plugins: ["NodeResourcesFit"],
    candidates: { node1: ["p1.2"], node2: ["p2"] },
  },
  {
    name: "mixed priority pods are preempted",
    nodes: TWO,
    existing: [
      on("p1.1", "node1", MID, small),
      on("p1.2", "node1", LOW, small),
      on("p1.3", "node1", MID, medium),
      on("p1.4", "node1", HIGH, small),
      on("p2", "node2", HIGH, large),
    ],
    pod: incoming(HIGH, large),
    plugins: ["NodeResourcesFit"],
    candidates: { node1: ["p1.2", "p1.3"] },
  },
  {
    name: "mixed priority pods are preempted, pick later StartTime one when priorities are equal",
    nodes: TWO,
    existing: [
      on("p1.1", "node1", LOW, small, { startTime: epoch(5) }),
      on("p1.2", "node1", LOW, small, { startTime: epoch(4) }),
      on("p1.3", "node1", MID, medium, { startTime: epoch(3) }),
      on("p1.4", "node1", HIGH, small, { startTime: epoch(2) }),
      on("p2", "node2", HIGH, large, { startTime: epoch(1) }),
    ],
    pod: incoming(HIGH, large),
    plugins: ["NodeResourcesFit"],
    candidates: { node1: ["p1.1", "p1.3"] },
  },
  {
    name: "pod with anti-affinity is preempted",
    note: "upstream's dry run never asks whether the pod fits node2 as it is; in a real cycle it would, so p2 requests all of node2 here",
    nodes: TWO,
    existing: [
      on("p1.1", "node1", LOW, small, {
        labels: { foo: "" },
        affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: "foo", operator: "Exists" }] }, topologyKey: "hostname" }] } },
      }),
      on("p1.2", "node1", MID, small),
      on("p1.3", "node1", HIGH, small),
      on("p2", "node2", HIGH, veryLarge),
    ],
    pod: incoming(HIGH, small, { labels: { foo: "" } }),
    plugins: ["NodeResourcesFit", "InterPodAffinity"],
    candidates: { node1: ["p1.1"] },
  },
  {
    name: "preemption to resolve pod topology spread filter failure",
    nodes: ["node-a/zone1", "node-b/zone1", "node-x/zone2"],
    existing: [
      on("pod-a1", "node-a", MID, undefined, { labels: { foo: "" } }),
      on("pod-a2", "node-a", LOW, undefined, { labels: { foo: "" } }),
      on("pod-b1", "node-b", LOW, undefined, { labels: { foo: "" } }),
      on("pod-x1", "node-x", HIGH, undefined, { labels: { foo: "" } }),
      on("pod-x2", "node-x", HIGH, undefined, { labels: { foo: "" } }),
    ],
    pod: incoming(HIGH, undefined, {
      labels: { foo: "" },
      topologySpreadConstraints: [
        { maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchExpressions: [{ key: "foo", operator: "Exists" }] } },
        { maxSkew: 1, topologyKey: "hostname", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchExpressions: [{ key: "foo", operator: "Exists" }] } },
      ],
    }),
    plugins: ["PodTopologySpread"],
    candidates: { "node-a": ["pod-a2"], "node-b": ["pod-b1"] },
  },
  {
    name: "preemption with violation of same pdb",
    nodes: ["node1"],
    existing: [on("p1.1", "node1", MID, medium, foo), on("p1.2", "node1", MID, medium, foo)],
    objects: [pdbFoo(1)],
    pod: incoming(HIGH, veryLarge),
    plugins: ["NodeResourcesFit"],
    candidates: { node1: ["p1.1", "p1.2"] },
  },
  {
    name: "preemption with violation of the pdb with pod whose eviction was processed, the victim doesn't belong to DisruptedPods",
    nodes: ["node1"],
    existing: [on("p1.1", "node1", MID, medium, foo), on("p1.2", "node1", MID, medium, foo)],
    objects: [pdbFoo(1, ["p2"])],
    pod: incoming(HIGH, veryLarge),
    plugins: ["NodeResourcesFit"],
    candidates: { node1: ["p1.1", "p1.2"] },
  },
  {
    name: "preemption with violation of the pdb with pod whose eviction was processed, the victim belongs to DisruptedPods",
    nodes: ["node1"],
    existing: [on("p1.1", "node1", MID, medium, foo), on("p1.2", "node1", MID, medium, foo)],
    objects: [pdbFoo(1, ["p1.2"])],
    pod: incoming(HIGH, veryLarge),
    plugins: ["NodeResourcesFit"],
    candidates: { node1: ["p1.1", "p1.2"] },
  },
  {
    name: "preemption with violation of the pdb with pod whose eviction was processed, the victim which belongs to DisruptedPods is treated as 'nonViolating'",
    nodes: ["node1"],
    existing: [on("p1.1", "node1", MID, medium, foo), on("p1.2", "node1", MID, medium, foo), on("p1.3", "node1", MID, medium, foo)],
    objects: [pdbFoo(1, ["p1.3"])],
    pod: incoming(HIGH, veryLarge),
    plugins: ["NodeResourcesFit"],
    candidates: { node1: ["p1.1", "p1.2", "p1.3"] },
  },
])

// ---------------------------------------------------------------------------------------------
// default_preemption_test.go › TestSelectBestCandidate (expected: any of the listed nodes)

interface SelectCase {
  readonly name: string
  readonly nodes: ReadonlyArray<string>
  readonly existing: ReadonlyArray<Manifest>
  readonly pod: PodOptions
  /** The acceptable nominations, each with the victims it evicts. */
  readonly anyOf: Readonly<Record<string, ReadonlyArray<string>>>
}

const three = ["node1", "node2", "node3"]
const e0 = { startTime: epoch(0) }
const at = (name: string, node: string, priority: number, req: Amounts, startTime = epoch(0)) => on(name, node, priority, req, { startTime })

const selectRows: ReadonlyArray<SelectCase> = [
  {
    name: "a pod that fits on both nodes when lower priority pods are preempted",
    nodes: TWO,
    existing: [on("p1", "node1", MID, large, e0), on("p2", "node2", MID, large, e0)],
    pod: incoming(HIGH, large),
    anyOf: { node1: ["p1"], node2: ["p2"] },
  },
  {
    name: "node with min highest priority pod is picked",
    nodes: three,
    existing: [at("p1.1", "node1", MID, medium), at("p1.2", "node1", MID, large), at("p2.1", "node2", MID, medium), at("p2.2", "node2", LOW, medium), at("p3.1", "node3", LOW, medium), at("p3.2", "node3", LOW, medium)],
    pod: incoming(HIGH, veryLarge),
    anyOf: { node3: ["p3.1", "p3.2"] },
  },
  {
    name: "when highest priorities are the same, minimum sum of priorities is picked",
    nodes: three,
    existing: [at("p1.1", "node1", MID, medium), at("p1.2", "node1", MID, large), at("p2.1", "node2", MID, large), at("p2.2", "node2", LOW, medium), at("p3.1", "node3", MID, medium), at("p3.2", "node3", MID, medium)],
    pod: incoming(HIGH, veryLarge),
    anyOf: { node2: ["p2.1", "p2.2"] },
  },
  {
    name: "when highest priority and sum are the same, minimum number of pods is picked",
    nodes: three,
    existing: [
      at("p1.1", "node1", MID, small),
      at("p1.2", "node1", NEG, small),
      at("p1.3", "node1", MID, small),
      at("p1.4", "node1", NEG, small),
      at("p2.1", "node2", MID, large),
      at("p2.2", "node2", NEG, medium),
      at("p3.1", "node3", MID, medium),
      at("p3.2", "node3", NEG, small),
      at("p3.3", "node3", LOW, small),
    ],
    pod: incoming(HIGH, veryLarge),
    anyOf: { node2: ["p2.1", "p2.2"] },
  },
  {
    name: "sum of adjusted priorities is considered",
    nodes: three,
    existing: [
      at("p1.1", "node1", MID, small),
      at("p1.2", "node1", NEG, small),
      at("p1.3", "node1", NEG, small),
      at("p2.1", "node2", MID, large),
      at("p2.2", "node2", NEG, medium),
      at("p3.1", "node3", MID, medium),
      at("p3.2", "node3", NEG, small),
      at("p3.3", "node3", LOW, small),
    ],
    pod: incoming(HIGH, veryLarge),
    anyOf: { node2: ["p2.1", "p2.2"] },
  },
  {
    name: "non-overlapping lowest high priority, sum priorities, and number of pods",
    nodes: ["node1", "node2", "node3", "node4"],
    existing: [
      at("p1.1", "node1", MID, small),
      at("p1.2", "node1", LOW, small),
      at("p1.3", "node1", LOW, small),
      at("p2.1", "node2", HIGH, large),
      at("p3.1", "node3", MID, medium),
      at("p3.2", "node3", LOW, small),
      at("p3.3", "node3", LOW, small),
      at("p3.4", "node3", LOW, medium),
      at("p4.1", "node4", MID, medium),
      at("p4.2", "node4", MID, small),
      at("p4.3", "node4", MID, small),
      at("p4.4", "node4", NEG, small),
    ],
    pod: incoming(VERY_HIGH, veryLarge),
    anyOf: { node1: ["p1.1", "p1.2", "p1.3"] },
  },
  {
    name: "same priority, same number of victims, different start time for each node's pod",
    nodes: three,
    existing: [
      at("p1.1", "node1", MID, medium, epoch(2)),
      at("p1.2", "node1", MID, medium, epoch(2)),
      at("p2.1", "node2", MID, medium, epoch(3)),
      at("p2.2", "node2", MID, medium, epoch(3)),
      at("p3.1", "node3", MID, medium, epoch(1)),
      at("p3.2", "node3", MID, medium, epoch(1)),
    ],
    pod: incoming(HIGH, veryLarge),
    anyOf: { node2: ["p2.1", "p2.2"] },
  },
  {
    name: "same priority, same number of victims, different start time for all pods",
    nodes: three,
    existing: [
      at("p1.1", "node1", MID, medium, epoch(4)),
      at("p1.2", "node1", MID, medium, epoch(2)),
      at("p2.1", "node2", MID, medium, epoch(5)),
      at("p2.2", "node2", MID, medium, epoch(1)),
      at("p3.1", "node3", MID, medium, epoch(3)),
      at("p3.2", "node3", MID, medium, epoch(6)),
    ],
    pod: incoming(HIGH, veryLarge),
    anyOf: { node3: ["p3.1", "p3.2"] },
  },
  {
    name: "different priority, same number of victims, different start time for all pods",
    nodes: three,
    existing: [
      at("p1.1", "node1", LOW, medium, epoch(4)),
      at("p1.2", "node1", MID, medium, epoch(2)),
      at("p2.1", "node2", MID, medium, epoch(6)),
      at("p2.2", "node2", LOW, medium, epoch(1)),
      at("p3.1", "node3", LOW, medium, epoch(3)),
      at("p3.2", "node3", MID, medium, epoch(5)),
    ],
    pod: incoming(HIGH, veryLarge),
    anyOf: { node2: ["p2.1", "p2.2"] },
  },
]

const selectCase = (s: SelectCase): TableCase => ({ name: s.name, nodes: s.nodes.map((n) => topoNode(n)), existing: s.existing, pod: s.pod, config: FIT })

describe("default_preemption_test.go TestSelectBestCandidate", () => {
  for (const s of selectRows) {
    it(s.name, () => {
      const p = both(selectCase(s))
      expect(Object.keys(s.anyOf), "nominated").toContain(p.node)
      expect([...p.victims].sort(), "victims").toEqual((s.anyOf[p.node as string] ?? []).map((v) => `default/${v}`).sort())
    })
  }
})

// ---------------------------------------------------------------------------------------------
// default_preemption_test.go › TestPodEligibleToPreemptOthers and TestPreempt

describeTable("default_preemption_test.go TestPodEligibleToPreemptOthers", "DefaultPreemption", [
  {
    name: "Pod without nominated node",
    note: "eligible: the pod preempts the lower-priority pod filling the only node",
    nodes: [nodeOf("node1", onePod)],
    existing: [on("p1", "node1", LOW)],
    pod: incoming(HIGH),
    config: FIT,
    node: "node1",
    victims: ["p1"],
  },
  {
    name: "Pod with 'PreemptNever' preemption policy",
    note: "not eligible: PostFilter stops at once with the policy's message",
    nodes: [nodeOf("node1", onePod)],
    existing: [on("p1", "node1", LOW)],
    pod: incoming(HIGH, undefined, { preemptionPolicy: "Never" }),
    config: FIT,
    node: null,
    victims: [],
    message: `0/1 nodes are available: 1 Too many pods. ${NEVER}`,
  },
])

const preemptNodes = (...names: ReadonlyArray<string>) => names.map((n) => topoNode(n))
const basicPods = [on("p1.1", "node1", LOW, small), on("p1.2", "node1", LOW, small), on("p2.1", "node2", HIGH, large), on("p3.1", "node3", MID, medium)]

const preemptRows: ReadonlyArray<TableCase> = [
  {
    name: "basic preemption logic",
    nodes: preemptNodes("node1", "node2", "node3"),
    existing: basicPods,
    pod: incoming(HIGH, veryLarge, { preemptionPolicy: "PreemptLowerPriority" }),
    config: FIT,
    node: "node1",
    victims: ["p1.1", "p1.2"],
  },
  {
    name: "preemption for topology spread constraints",
    nodes: preemptNodes("node-a/zone1", "node-b/zone1", "node-x/zone2"),
    existing: [
      on("p-a1", "node-a", HIGH, undefined, { labels: { foo: "" } }),
      on("p-a2", "node-a", HIGH, undefined, { labels: { foo: "" } }),
      on("p-b1", "node-b", LOW, undefined, { labels: { foo: "" } }),
      on("p-x1", "node-x", HIGH, undefined, { labels: { foo: "" } }),
      on("p-x2", "node-x", HIGH, undefined, { labels: { foo: "" } }),
    ],
    pod: incoming(HIGH, undefined, {
      labels: { foo: "" },
      topologySpreadConstraints: [
        { maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchExpressions: [{ key: "foo", operator: "Exists" }] } },
        { maxSkew: 1, topologyKey: "hostname", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchExpressions: [{ key: "foo", operator: "Exists" }] } },
      ],
    }),
    config: SPREAD,
    node: "node-b",
    victims: ["p-b1"],
  },
  {
    name: "One scheduler extender allows only node1, but it is not interested in given pod, otherwise node1 would have been chosen",
    note: "both extenders change nothing here (one is not interested in the pod, the other accepts every node), so the cluster alone decides",
    nodes: preemptNodes("node1", "node2"),
    existing: [on("p1.1", "node1", MID, small), on("p1.2", "node1", LOW, small), on("p2.1", "node2", MID, large)],
    pod: incoming(HIGH, veryLarge, { preemptionPolicy: "PreemptLowerPriority" }),
    config: FIT,
    node: "node2",
    victims: ["p2.1"],
  },
  {
    name: "no preempting in pod",
    nodes: preemptNodes("node1", "node2", "node3"),
    existing: basicPods,
    pod: incoming(HIGH, veryLarge, { preemptionPolicy: "Never" }),
    config: FIT,
    node: null,
    victims: [],
    message: `0/3 nodes are available: 3 Insufficient cpu, 3 Insufficient memory. ${NEVER}`,
  },
  {
    name: "PreemptionPolicy is nil",
    nodes: preemptNodes("node1", "node2", "node3"),
    existing: basicPods,
    pod: incoming(HIGH, veryLarge),
    config: FIT,
    node: "node1",
    victims: ["p1.1", "p1.2"],
  },
]
describeTable("default_preemption_test.go TestPreempt", "DefaultPreemption", preemptRows)

// ---------------------------------------------------------------------------------------------
// Own cases, where upstream is thin

const guarded = { labels: { app: "guarded" } }
const exhausted = PDB("guarded", { app: "guarded" }, { disruptionsAllowed: 0 })
const klass = (name: string, value: number, preemptionPolicy?: "Never" | "PreemptLowerPriority"): Manifest => ({
  apiVersion: "scheduling.k8s.io/v1",
  kind: "PriorityClass",
  metadata: { name },
  value,
  ...(preemptionPolicy === undefined ? {} : { preemptionPolicy }),
})
const foo2 = { matchExpressions: [{ key: "foo", operator: "Exists" }] }

const ownRows: ReadonlyArray<TableCase> = [
  {
    name: "PDB violations are minimised across nodes: the node whose victim no budget protects wins over a lower highest priority",
    // node1's victim has priority 0 but an exhausted budget; node2's has priority 50 and none
    nodes: [nodeOf("node1", onePod), nodeOf("node2", onePod)],
    existing: [on("a", "node1", 0, undefined, guarded), on("b", "node2", 50)],
    objects: [exhausted],
    pod: incoming(MID),
    config: FIT,
    node: "node2",
    victims: ["b"],
  },
  {
    name: "PDB violations are not forbidden: with no other node the protected pod is evicted",
    nodes: [nodeOf("node1", onePod)],
    existing: [on("a", "node1", 0, undefined, guarded)],
    objects: [exhausted],
    pod: incoming(MID),
    config: FIT,
    node: "node1",
    victims: ["a"],
  },
  {
    name: "pods whose eviction would violate a budget are reprieved first, before more important ones",
    // two slots, one needed: g (priority 0, protected) is put back before o (priority 50)
    nodes: [nodeOf("node1", capacity({ pods: "2" }))],
    existing: [on("g", "node1", 0, undefined, guarded), on("o", "node1", 50)],
    objects: [exhausted],
    pod: incoming(MID),
    config: FIT,
    node: "node1",
    victims: ["o"],
  },
  {
    name: "allowance 1 for two victims counts one violation: the node of higher priority but no budget wins",
    // upstream's "preemption with violation of same pdb" (NumPDBViolations 1), seen through the choice it decides
    nodes: [topoNode("node1"), topoNode("node2")],
    existing: [on("p1.1", "node1", LOW, medium, foo), on("p1.2", "node1", LOW, medium, foo), on("p2.1", "node2", MID, medium), on("p2.2", "node2", MID, medium)],
    objects: [pdbFoo(1)],
    pod: incoming(HIGH, veryLarge),
    config: FIT,
    node: "node2",
    victims: ["p2.1", "p2.2"],
  },
  {
    name: "allowance 2 for two victims counts no violation: the node of lower priority wins",
    nodes: [topoNode("node1"), topoNode("node2")],
    existing: [on("p1.1", "node1", LOW, medium, foo), on("p1.2", "node1", LOW, medium, foo), on("p2.1", "node2", MID, medium), on("p2.2", "node2", MID, medium)],
    objects: [pdbFoo(2)],
    pod: incoming(HIGH, veryLarge),
    config: FIT,
    node: "node1",
    victims: ["p1.1", "p1.2"],
  },
  {
    name: "a victim already in the budget's disruptedPods uses no allowance: no violation, the node of lower priority wins",
    // upstream's "… the victim belongs to DisruptedPods" (NumPDBViolations 0), seen through the choice it decides
    nodes: [topoNode("node1"), topoNode("node2")],
    existing: [on("p1.1", "node1", LOW, medium, foo), on("p1.2", "node1", LOW, medium, foo), on("p2.1", "node2", MID, medium), on("p2.2", "node2", MID, medium)],
    objects: [pdbFoo(1, ["p1.2"])],
    pod: incoming(HIGH, veryLarge),
    config: FIT,
    node: "node1",
    victims: ["p1.1", "p1.2"],
  },
  {
    name: "preemptionPolicy Never from the pod's PriorityClass: no preemption, the policy's message",
    nodes: [nodeOf("node1", onePod)],
    existing: [on("p1", "node1", LOW)],
    objects: [klass("polite", HIGH, "Never")],
    pod: { containers: [undefined], priorityClassName: "polite" },
    config: FIT,
    node: null,
    victims: [],
    message: `0/1 nodes are available: 1 Too many pods. ${NEVER}`,
  },
  {
    name: "a PriorityClass without preemptionPolicy (PreemptLowerPriority) preempts",
    nodes: [nodeOf("node1", onePod)],
    existing: [on("p1", "node1", LOW)],
    objects: [klass("pushy", HIGH)],
    pod: { containers: [undefined], priorityClassName: "pushy" },
    config: FIT,
    node: "node1",
    victims: ["p1"],
  },
  {
    name: "victims make the preemptor's required anti-affinity satisfiable: only the matching pod goes",
    nodes: [topoNode("node1", { cpu: "1", memory: "1000" })],
    existing: [on("x", "node1", 0, small, { labels: { app: "x" } }), on("y", "node1", 0, small), on("z", "node1", 10, small)],
    pod: incoming(MID, small, {
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: "x" } }, topologyKey: "kubernetes.io/hostname" }] } },
    }),
    config: configOf(["NodeResourcesFit", "InterPodAffinity"], "filter"),
    node: "node1",
    victims: ["x"],
  },
  {
    name: "victims make a DoNotSchedule spread satisfiable: the more important pod is reprieved, one goes",
    // node1: f1 (10) and f2 (5) match; node2 is full with a pod of the preemptor's own priority
    nodes: [nodeOf("node1", capacity()), nodeOf("node2", capacity({ pods: "1" }))],
    existing: [on("f1", "node1", 10, undefined, { labels: { foo: "" } }), on("f2", "node1", 5, undefined, { labels: { foo: "" } }), on("h", "node2", MID, undefined, { labels: { foo: "" } })],
    pod: incoming(MID, undefined, {
      labels: { foo: "" },
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "DoNotSchedule", labelSelector: foo2 }],
    }),
    config: configOf(["NodeResourcesFit", "PodTopologySpread"], "filter"),
    node: "node1",
    victims: ["f2"],
  },
  {
    name: "the reprieve is greedy by importance, not minimal: the big important pod stays, both small ones go",
    nodes: [nodeOf("node1", capacity({ cpu: "1", memory: "1000" }))],
    existing: [on("big", "node1", 5, { cpu: "600m" }), on("s1", "node1", 1, { cpu: "300m" }), on("s2", "node1", 1, { cpu: "300m" })],
    pod: incoming(MID, { cpu: "400m" }),
    config: FIT,
    node: "node1",
    victims: ["s1", "s2"],
  },
]
describeTable("own cases: PDBs, preemptionPolicy, anti-affinity and spread victims", "DefaultPreemption", ownRows)

// ---------------------------------------------------------------------------------------------
// A representative subset through the CLI: `catcluster schedule --explain --json` on manifests

const root = join(import.meta.dirname, "..", "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const dir = mkdtempSync(join(tmpdir(), "catcluster-preemption-"))

const viaCli = (c: TableCase, engine: Engine): Placement => {
  const stem = join(dir, c.name.replace(/[^A-Za-z0-9]+/g, "-").slice(0, 60))
  writeFileSync(`${stem}-nodes.json`, JSON.stringify({ apiVersion: "v1", kind: "NodeList", items: c.nodes }))
  writeFileSync(`${stem}-pods.yaml`, [...(c.existing ?? []), ...(c.objects ?? []), podOf("incoming", c.pod)].map((m) => JSON.stringify(m)).join("\n---\n"))
  writeFileSync(`${stem}-config.json`, c.config)
  const args = ["schedule", "--nodes", `${stem}-nodes.json`, "--pods", `${stem}-pods.yaml`, "--config", `${stem}-config.json`, "--explain", "--json", "--engine", engine]
  const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), ...args], { encoding: "utf8", timeout: 120_000 })
  // warnings only (upstream's rows may overcommit a node with pods that started already)
  expect(r.stderr.split("\n").filter((l) => l !== "" && !l.startsWith("catcluster: warning: ")), "stderr").toEqual([])
  expect(r.status, "exit code").toBe(0)
  const out = JSON.parse(r.stdout) as { placements: ReadonlyArray<Placement> }
  const p = out.placements.find((x) => x.pod === "default/incoming")
  if (p === undefined) throw new Error(`${c.name}: the CLI placed no default/incoming`)
  return p
}

const named = (rows: ReadonlyArray<TableCase>, name: string): TableCase => {
  const c = rows.find((r) => r.name === name)
  if (c === undefined) throw new Error(`no case ${name}`)
  return c
}
const startTimes = selectRows.find((r) => r.name === "different priority, same number of victims, different start time for all pods") as SelectCase
const cliCases: ReadonlyArray<readonly [TableCase, Engine]> = [
  [named(postFilterRows, "pod can be made schedulable on minHighestPriority node"), "hot"],
  [named(postFilterRows, "no candidate nodes found with mixed reasons, no lower priority pod and no enough CPU resource"), "readable"],
  [{ ...selectCase(startTimes), node: "node2", victims: ["p2.1", "p2.2"] }, "hot"],
  [named(preemptRows, "preemption for topology spread constraints"), "readable"],
  [named(preemptRows, "no preempting in pod"), "hot"],
  [named(ownRows, "pods whose eviction would violate a budget are reprieved first, before more important ones"), "readable"],
  [named(ownRows, "victims make the preemptor's required anti-affinity satisfiable: only the matching pod goes"), "hot"],
]

describe("catcluster schedule --explain --json: the same nominations, victims and messages", () => {
  for (const [c, engine] of cliCases) {
    it(`${c.name} (--engine ${engine})`, () => {
      const p = viaCli(c, engine)
      checkCase(c, "DefaultPreemption", p)
      // the CLI prints what the library computes, explanation included
      expect(p).toEqual(JSON.parse(JSON.stringify(placementOf(c, engine))))
    })
  }
})
