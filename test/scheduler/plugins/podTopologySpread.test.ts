/**
 * PodTopologySpread (kube-scheduler v1.35) against the cases of upstream's own tests, restated as
 * tables in catcluster's model: `filtering_test.go` (TestPreFilterState, TestPreFilterStateAddPod,
 * TestPreFilterStateRemovePod, TestSingleConstraint, TestMultipleConstraints) and
 * `scoring_test.go` (TestPreScoreSkip, TestPreScoreStateEmptyNodes, TestPodTopologySpreadScore),
 * the expected numbers as upstream states them. Cases that only toggle feature gates which are on
 * in v1.35 (NodeInclusionPolicy, MatchLabelKeys) keep their gate-on meaning or are left out; the
 * AddPod / RemovePod cases are stated as PreFilter over the cluster with the pod added / removed,
 * which is what the readable σ's preemption dry run computes. Then system defaulting (Services,
 * ReplicaSets, StatefulSets, ReplicationControllers, List defaulting), preemption through the
 * framework, and the issue's own case.
 *
 * Upstream's harness: filtering tests run with `defaultingType: List` (no defaults unless a case
 * gives some), scoring tests with `System`.
 */
import { describe, expect, it } from "vitest"
import { clusterView, type ClusterView } from "../../../src/scheduler/framework/ClusterView.ts"
import type { ClusterObjects } from "../../../src/scheduler/model/ClusterObjects.ts"
import type { LabelSelector, Labels } from "../../../src/scheduler/model/LabelSelector.ts"
import type { SchedulingNode, Taint } from "../../../src/scheduler/model/SchedulingNode.ts"
import type { NodeSelectorTerm, SchedulingPod, Toleration } from "../../../src/scheduler/model/SchedulingPod.ts"
import type { TopologySpreadConstraint } from "../../../src/scheduler/model/TopologySpread.ts"
import { addPod, boundPod, type NodeState, nodeState } from "../../../src/scheduler/readable/NodeState.ts"
import {
  defaultProfile,
  node,
  pod,
  podTopologySpreadFilterPlugin,
  podTopologySpreadScorePlugin,
  type Profile,
  readableScheduler,
  REASON_SPREAD_CONSTRAINTS,
  REASON_SPREAD_MISSING_LABEL,
  type SpreadFilterState,
  type SpreadScoreState,
  topologyNormalizingWeight,
} from "../../../src/scheduler/index.ts"

// ---------------------------------------------------------------------------------------------
// Builders, named after upstream's st.MakeNode / st.MakePod helpers.

const CAPACITY = { cpu: 64_000, memory: 256 * 2 ** 30, pods: 500 }
const HOST = "kubernetes.io/hostname"
const ZONE = "topology.kubernetes.io/zone"

/** `node.kubernetes.io/unschedulable:NoSchedule`, upstream's `taints`. */
const TAINTS: ReadonlyArray<Taint> = [{ key: "node.kubernetes.io/unschedulable", value: "", effect: "NoSchedule" }]
/** `st.MakePod().Toleration(v1.TaintNodeUnschedulable)`. */
const TOLERATE: ReadonlyArray<Toleration> = [{ key: "node.kubernetes.io/unschedulable", operator: "Exists", value: "", effect: "NoSchedule" }]

const mkNode = (name: string, labels: Labels, taints: ReadonlyArray<Taint> = []): SchedulingNode => node(name, CAPACITY, { labels, taints })
/** A node `node-<short>` labelled `zone` and `node` (the filtering tests' custom keys). */
const zn = (short: string, zone: string, extra: Labels = {}, taints: ReadonlyArray<Taint> = []) =>
  mkNode(`node-${short}`, { zone, node: `node-${short}`, ...extra }, taints)
/** A node `node-<short>` labelled only `node`. */
const nn = (short: string, extra: Labels = {}, taints: ReadonlyArray<Taint> = []) => mkNode(`node-${short}`, { node: `node-${short}`, ...extra }, taints)
/** The usual four: node-a, node-b in zone1, node-x, node-y in zone2. */
const N4 = () => [zn("a", "zone1"), zn("b", "zone1"), zn("x", "zone2"), zn("y", "zone2")]

interface Bound {
  readonly pod: SchedulingPod
  readonly node: string
}
/** An existing pod `p-<name>` bound to `node-<short>`. */
const on = (short: string, name: string, labels: Labels, rest: Partial<SchedulingPod> = {}): Bound => ({
  node: `node-${short}`,
  pod: pod(`${rest.namespace ?? "default"}/p-${name}`, {}, { labels, ...rest }),
})

const foo: Labels = { foo: "" }
const bar: Labels = { bar: "" }
const fooBar: Labels = { foo: "", bar: "" }
const exists = (key: string): LabelSelector => ({ matchExpressions: [{ key, operator: "Exists", values: [] }] })
const FOO = exists("foo")
const BAR = exists("bar")

const spread = (
  maxSkew: number,
  topologyKey: string,
  whenUnsatisfiable: TopologySpreadConstraint["whenUnsatisfiable"],
  labelSelector: LabelSelector | undefined,
  extra: Partial<TopologySpreadConstraint> = {},
): TopologySpreadConstraint => ({ maxSkew, topologyKey, whenUnsatisfiable, ...(labelSelector === undefined ? {} : { labelSelector }), ...extra })
const hard = (maxSkew: number, key: string, sel: LabelSelector | undefined, extra: Partial<TopologySpreadConstraint> = {}) =>
  spread(maxSkew, key, "DoNotSchedule", sel, extra)
const soft = (maxSkew: number, key: string, sel: LabelSelector | undefined, extra: Partial<TopologySpreadConstraint> = {}) =>
  spread(maxSkew, key, "ScheduleAnyway", sel, extra)

/** The incoming pod `default/p`. */
const incoming = (labels: Labels, constraints: ReadonlyArray<TopologySpreadConstraint>, rest: Partial<SchedulingPod> = {}): SchedulingPod =>
  pod("default/p", {}, { labels, ...(constraints.length === 0 ? {} : { topologySpreadConstraints: constraints }), ...rest })

const term = (key: string, operator: "In" | "NotIn", values: ReadonlyArray<string>): NodeSelectorTerm => ({
  matchExpressions: [{ key, operator, values }],
  matchFields: [],
})
/** `NodeAffinityIn` / `NodeAffinityNotIn`: one required term. */
const affinity = (key: string, operator: "In" | "NotIn", values: ReadonlyArray<string>) => ({ requiredTerms: [term(key, operator, values)] })

const LIST: Profile = { ...defaultProfile, podTopologySpread: { defaultingType: "List", defaultConstraints: [] } }
const SYSTEM: Profile = { ...defaultProfile, podTopologySpread: { defaultingType: "System", defaultConstraints: [] } }
const listOf = (defaultConstraints: Profile["podTopologySpread"]["defaultConstraints"]): Profile => ({
  ...defaultProfile,
  podTopologySpread: { defaultingType: "List", defaultConstraints },
})

/** The view plugins see: every node with its pods bound in order. */
const cluster = (nodes: ReadonlyArray<SchedulingNode>, bound: ReadonlyArray<Bound>, objects: ClusterObjects = {}): ClusterView => {
  const states = nodes.map(nodeState)
  bound.forEach((b, i) => {
    const s = states.find((x) => x.node.name === b.node)
    if (s === undefined) throw new Error(`test: no node ${b.node}`)
    addPod(s, boundPod(i, b.pod, i, -1))
  })
  return clusterView(states, objects)
}

// ---------------------------------------------------------------------------------------------
// Running the plugin as the framework does.

type Outcome = { readonly skip: true } | { readonly counts: ReadonlyArray<Readonly<Record<string, number>>>; readonly state: SpreadFilterState }

const runPreFilter = (p: SchedulingPod, view: ClusterView, profile: Profile = LIST): Outcome => {
  const out = podTopologySpreadFilterPlugin(profile).preFilter?.(p, view)
  if (out === undefined) throw new Error("PodTopologySpread has a PreFilter")
  if (out.kind === "skip") return { skip: true }
  if (out.kind === "reject") throw new Error("PodTopologySpread's PreFilter never rejects")
  return { counts: out.state.counts.map((m) => Object.fromEntries(m)), state: out.state }
}

type Code = "S" | "U" | "UU"
const CODE = { Success: "S", Unschedulable: "U", UnschedulableAndUnresolvable: "UU" } as const

/** PreFilter then Filter on every node (upstream's TestSingleConstraint loop). */
const filterCodes = (p: SchedulingPod, view: ClusterView, profile: Profile = LIST): Record<string, Code> => {
  const plugin = podTopologySpreadFilterPlugin(profile)
  const out = plugin.preFilter?.(p, view)
  if (out === undefined || out.kind !== "proceed") throw new Error(`PreFilter did not proceed: ${JSON.stringify(out)}`)
  return Object.fromEntries(view.nodes.map((s) => [s.node.name, CODE[plugin.filter(p, s, out.state, view).code]]))
}

/** PreScore over the feasible nodes, Score each, NormalizeScore (upstream's TestPodTopologySpreadScore loop). */
const scoreNodes = (p: SchedulingPod, view: ClusterView, feasibleNames: ReadonlyArray<string>, profile: Profile = SYSTEM) => {
  const plugin = podTopologySpreadScorePlugin(profile)
  const feasible = feasibleNames.map((n) => view.nodes.find((s) => s.node.name === n) as NodeState)
  const out = plugin.preScore?.(p, feasible, view)
  if (out === undefined || out.kind !== "proceed") throw new Error(`PreScore did not proceed: ${JSON.stringify(out)}`)
  const raw = feasible.map((s) => plugin.score(p, s, out.state, view))
  plugin.normalize?.(raw, feasible, out.state, p)
  return Object.fromEntries(feasible.map((s, i) => [s.node.name, raw[i]]))
}

const preScore = (p: SchedulingPod, view: ClusterView, profile: Profile, feasibleNames?: ReadonlyArray<string>): SpreadScoreState | "skip" => {
  const feasible = feasibleNames === undefined ? view.nodes : feasibleNames.map((n) => view.nodes.find((s) => s.node.name === n) as NodeState)
  const out = podTopologySpreadScorePlugin(profile).preScore?.(p, feasible, view)
  if (out === undefined) throw new Error("PodTopologySpread has a PreScore")
  return out.kind === "skip" ? "skip" : out.state
}

// ---------------------------------------------------------------------------------------------
// filtering_test.go: TestPreFilterState

interface StateCase {
  readonly name: string
  readonly pod: SchedulingPod
  readonly nodes: ReadonlyArray<SchedulingNode>
  readonly existing?: ReadonlyArray<Bound>
  readonly objects?: ClusterObjects
  readonly profile?: Profile
  /** Per hard constraint, in order: matching pods per domain; "skip" when PreFilter skips. */
  readonly want: ReadonlyArray<Record<string, number>> | "skip"
  /** The resolved constraints' keys and maxSkews, when the case is about which constraints apply. */
  readonly constraints?: ReadonlyArray<readonly [string, number]>
}

const preFilterStateCases: ReadonlyArray<StateCase> = [
  {
    name: "clean cluster with one spreadConstraint",
    pod: incoming(foo, [hard(5, "zone", { matchLabels: { foo: "bar" } })]),
    nodes: N4(),
    want: [{ zone1: 0, zone2: 0 }],
  },
  {
    name: "normal case with one spreadConstraint",
    pod: incoming(foo, [hard(1, "zone", FOO)]),
    nodes: N4(),
    existing: [on("a", "a1", foo), on("a", "a2", foo), on("b", "b1", foo), on("y", "y1", foo), on("y", "y2", foo)],
    want: [{ zone1: 3, zone2: 2 }],
  },
  {
    name: "normal case with null label selector",
    pod: incoming(foo, [hard(1, "zone", undefined)]),
    nodes: N4(),
    existing: [on("a", "a1", foo), on("a", "a2", foo), on("b", "b1", foo), on("y", "y1", foo), on("y", "y2", foo)],
    want: [{ zone1: 0, zone2: 0 }],
  },
  {
    name: "normal case with one spreadConstraint, on a 3-zone cluster",
    pod: incoming(foo, [hard(1, "zone", FOO)]),
    nodes: [...N4(), zn("o", "zone3"), zn("p", "zone3")],
    existing: [on("a", "a1", foo), on("a", "a2", foo), on("b", "b1", foo), on("y", "y1", foo), on("y", "y2", foo)],
    want: [{ zone1: 3, zone2: 2, zone3: 0 }],
  },
  {
    name: "namespace mismatch doesn't count",
    pod: incoming(foo, [hard(1, "zone", FOO)]),
    nodes: N4(),
    existing: [on("a", "a1", foo), on("a", "a2", foo, { namespace: "ns1" }), on("b", "b1", foo), on("y", "y1", foo, { namespace: "ns2" }), on("y", "y2", foo)],
    want: [{ zone1: 2, zone2: 1 }],
  },
  {
    name: "normal case with two spreadConstraints",
    pod: incoming(foo, [hard(1, "zone", FOO), hard(1, "node", FOO)]),
    nodes: N4(),
    existing: [on("a", "a1", foo), on("a", "a2", foo), on("b", "b1", foo), on("y", "y1", foo), on("y", "y2", foo), on("y", "y3", foo), on("y", "y4", foo)],
    want: [{ zone1: 3, zone2: 4 }, { "node-a": 2, "node-b": 1, "node-x": 0, "node-y": 4 }],
  },
  {
    name: "soft spreadConstraints should be bypassed",
    pod: incoming(foo, [soft(1, "zone", FOO), hard(1, "zone", FOO), soft(1, "node", FOO), hard(1, "node", FOO)]),
    nodes: [zn("a", "zone1"), zn("b", "zone1"), zn("y", "zone2")],
    existing: [on("a", "a1", foo), on("a", "a2", foo), on("b", "b1", foo), on("y", "y1", foo), on("y", "y2", foo), on("y", "y3", foo), on("y", "y4", foo)],
    want: [{ zone1: 3, zone2: 4 }, { "node-a": 2, "node-b": 1, "node-y": 4 }],
  },
  {
    name: "different labelSelectors - simple version",
    pod: incoming(fooBar, [hard(1, "zone", FOO), hard(1, "node", BAR)]),
    nodes: [zn("a", "zone1"), zn("b", "zone1"), zn("y", "zone2")],
    existing: [on("a", "a", foo), on("b", "b", bar)],
    want: [{ zone1: 1, zone2: 0 }, { "node-a": 0, "node-b": 1, "node-y": 0 }],
  },
  {
    name: "different labelSelectors - complex pods",
    pod: incoming(fooBar, [hard(1, "zone", FOO), hard(1, "node", BAR)]),
    nodes: [zn("a", "zone1"), zn("b", "zone1"), zn("y", "zone2")],
    existing: [on("a", "a1", foo), on("a", "a2", fooBar), on("b", "b1", foo), on("y", "y1", foo), on("y", "y2", fooBar), on("y", "y3", foo), on("y", "y4", fooBar)],
    want: [{ zone1: 3, zone2: 4 }, { "node-a": 1, "node-b": 0, "node-y": 2 }],
  },
  {
    name: "two spreadConstraints, and with podAffinity (node-x excluded by required node affinity)",
    pod: incoming(foo, [hard(1, "zone", FOO), hard(1, "node", FOO)], affinity("node", "NotIn", ["node-x"])),
    nodes: N4(),
    existing: [on("a", "a1", foo), on("a", "a2", foo), on("b", "b1", foo), on("y", "y1", foo), on("y", "y2", foo), on("y", "y3", foo), on("y", "y4", foo)],
    want: [{ zone1: 3, zone2: 4 }, { "node-a": 2, "node-b": 1, "node-y": 4 }],
  },
  {
    name: "default constraints and a service",
    pod: incoming({ foo: "bar", baz: "kar" }, []),
    profile: listOf([
      { maxSkew: 3, topologyKey: "node", whenUnsatisfiable: "DoNotSchedule" },
      { maxSkew: 2, topologyKey: "node", whenUnsatisfiable: "ScheduleAnyway" },
      { maxSkew: 5, topologyKey: "rack", whenUnsatisfiable: "DoNotSchedule" },
    ]),
    objects: { services: [{ namespace: "default", name: "svc", selector: { foo: "bar" } }] },
    nodes: [],
    constraints: [
      ["node", 3],
      ["rack", 5],
    ],
    want: [{}, {}],
  },
  {
    name: "default constraints and a service that doesn't match",
    pod: incoming({ foo: "bar" }, []),
    profile: listOf([{ maxSkew: 3, topologyKey: "node", whenUnsatisfiable: "DoNotSchedule" }]),
    objects: { services: [{ namespace: "default", name: "svc", selector: { baz: "kep" } }] },
    nodes: [],
    want: "skip",
  },
  {
    name: "default constraints and a service, but pod has constraints",
    pod: incoming({ foo: "bar", baz: "tar" }, [hard(1, "zone", { matchLabels: { baz: "tar" } }), soft(2, "planet", { matchLabels: { fot: "rok" } })]),
    profile: listOf([{ maxSkew: 2, topologyKey: "node", whenUnsatisfiable: "DoNotSchedule" }]),
    objects: { services: [{ namespace: "default", name: "svc", selector: { foo: "bar" } }] },
    nodes: [],
    constraints: [["zone", 1]],
    want: [{}],
  },
  {
    name: "default soft constraints and a service",
    pod: incoming({ foo: "bar" }, []),
    profile: listOf([{ maxSkew: 2, topologyKey: "node", whenUnsatisfiable: "ScheduleAnyway" }]),
    objects: { services: [{ namespace: "default", name: "svc", selector: { foo: "bar" } }] },
    nodes: [],
    want: "skip",
  },
  {
    name: "NodeAffinityPolicy honored with labelSelectors (nodeSelector)",
    pod: incoming(foo, [hard(1, "node", BAR)], { nodeSelector: { foo: "" } }),
    nodes: [nn("a", foo), nn("b", foo), nn("c", bar)],
    existing: [on("a", "a", bar), on("b", "b", bar), on("b", "c", bar), on("c", "d", {})],
    want: [{ "node-a": 1, "node-b": 2 }],
  },
  {
    name: "NodeAffinityPolicy ignored with labelSelectors (nodeSelector)",
    pod: incoming(foo, [hard(1, "node", BAR, { nodeAffinityPolicy: "Ignore" })], { nodeSelector: { foo: "" } }),
    nodes: [nn("a", foo), nn("b", foo), nn("c", bar)],
    existing: [on("a", "a", bar), on("b", "b", bar), on("b", "c", bar), on("c", "d", {})],
    want: [{ "node-a": 1, "node-b": 2, "node-c": 0 }],
  },
  {
    name: "NodeAffinityPolicy honored with nodeAffinity",
    pod: incoming(foo, [hard(1, "node", BAR)], affinity("foo", "In", [""])),
    nodes: [nn("a", foo), nn("b", foo), nn("c", bar)],
    existing: [on("a", "a", bar), on("b", "c", bar), on("b", "d", bar), on("c", "e", {})],
    want: [{ "node-a": 1, "node-b": 2 }],
  },
  {
    name: "NodeAffinityPolicy ignored with nodeAffinity",
    pod: incoming(foo, [hard(1, "node", BAR, { nodeAffinityPolicy: "Ignore" })], affinity("foo", "In", [""])),
    nodes: [nn("a", foo), nn("b", foo), nn("c", bar)],
    existing: [on("a", "a", bar), on("b", "b", bar), on("b", "c", bar), on("c", "d", {})],
    want: [{ "node-a": 1, "node-b": 2, "node-c": 0 }],
  },
  {
    name: "NodeTaintsPolicy ignored (the default)",
    pod: incoming(foo, [hard(1, "node", BAR)]),
    nodes: [nn("a"), nn("b"), nn("c", bar, TAINTS)],
    existing: [on("a", "a", bar), on("b", "b", bar), on("b", "c", bar), on("c", "d", {})],
    want: [{ "node-a": 1, "node-b": 2, "node-c": 0 }],
  },
  {
    name: "NodeTaintsPolicy honored",
    pod: incoming(foo, [hard(1, "node", BAR, { nodeTaintsPolicy: "Honor" })]),
    nodes: [nn("a"), nn("b"), nn("c", bar, TAINTS)],
    existing: [on("a", "a", bar), on("b", "b", bar), on("b", "c", bar), on("c", "d", {})],
    want: [{ "node-a": 1, "node-b": 2 }],
  },
  {
    name: "NodeTaintsPolicy honored with tolerated taints",
    pod: incoming(foo, [hard(1, "node", BAR, { nodeTaintsPolicy: "Honor" })], { tolerations: TOLERATE }),
    nodes: [nn("a"), nn("b"), nn("c", bar, TAINTS)],
    existing: [on("a", "a", bar), on("b", "b", bar), on("b", "c", bar), on("c", "d", {})],
    want: [{ "node-a": 1, "node-b": 2, "node-c": 0 }],
  },
  {
    name: "two node inclusion Constraints, zone: honor/ignore, node: ignore/ignore",
    pod: incoming(foo, [hard(1, "zone", FOO), hard(1, "node", FOO, { nodeAffinityPolicy: "Ignore" })], { nodeSelector: { foo: "" } }),
    nodes: [zn("a", "zone1", foo), zn("b", "zone1"), zn("x", "zone2", foo)],
    existing: [on("b", "b1", foo), on("b", "b2", foo), on("x", "x1", foo)],
    want: [{ zone1: 0, zone2: 1 }, { "node-a": 0, "node-b": 2, "node-x": 1 }],
  },
  {
    name: "two node inclusion Constraints, zone: honor/honor, node: honor/ignore",
    pod: incoming(foo, [hard(1, "zone", FOO, { nodeTaintsPolicy: "Honor" }), hard(1, "node", FOO)]),
    nodes: [zn("a", "zone1", foo), zn("b", "zone1", {}, TAINTS), zn("x", "zone2", foo)],
    existing: [on("b", "b1", foo), on("b", "b2", foo), on("x", "x1", foo)],
    want: [{ zone1: 0, zone2: 1 }, { "node-a": 0, "node-b": 2, "node-x": 1 }],
  },
  {
    name: "two node inclusion Constraints, zone: honor/ignore, node: honor/ignore",
    pod: incoming(foo, [hard(1, "zone", FOO), hard(1, "node", FOO)], { nodeSelector: { foo: "" } }),
    nodes: [zn("a", "zone1"), zn("b", "zone1", foo, TAINTS), zn("x", "zone2", foo), zn("y", "zone2")],
    existing: [on("a", "a1", foo), on("a", "a2", foo), on("x", "x1", foo), on("y", "y1", foo)],
    want: [{ zone1: 0, zone2: 1 }, { "node-b": 0, "node-x": 1 }],
  },
  {
    name: "two node inclusion Constraints, zone: ignore/ignore, node: honor/honor",
    pod: incoming(foo, [hard(1, "zone", FOO, { nodeAffinityPolicy: "Ignore" }), hard(1, "node", FOO, { nodeTaintsPolicy: "Honor" })], { nodeSelector: { foo: "" } }),
    nodes: [zn("a", "zone1"), zn("b", "zone1", foo, TAINTS), zn("x", "zone2", foo), zn("y", "zone2", foo)],
    existing: [on("a", "a1", foo), on("a", "a2", foo), on("x", "x1", foo), on("x", "x2", foo), on("y", "y1", foo)],
    want: [{ zone1: 2, zone2: 3 }, { "node-x": 2, "node-y": 1 }],
  },
  {
    name: "matchLabelKeys ANDed with LabelSelector when LabelSelector isn't empty",
    pod: incoming({ foo: "", bar: "a" }, [hard(1, "zone", FOO, { matchLabelKeys: ["bar"] })]),
    nodes: N4(),
    existing: [on("a", "a1", foo), on("a", "a2", { foo: "", bar: "a" }), on("b", "b1", foo), on("y", "y1", { foo: "", bar: "a" }), on("y", "y2", bar)],
    want: [{ zone1: 1, zone2: 1 }],
  },
  {
    name: "matchLabelKeys ANDed with LabelSelector when LabelSelector is empty",
    pod: incoming({ foo: "a" }, [hard(1, "zone", {}, { matchLabelKeys: ["foo"] })]),
    nodes: N4(),
    existing: ["a1", "a2"].map((n) => on("a", n, { foo: "a" })).concat([on("b", "b1", { foo: "a" }), on("y", "y1", { foo: "a" }), on("y", "y2", { foo: "a" })]),
    want: [{ zone1: 3, zone2: 2 }],
  },
  {
    name: "key in matchLabelKeys is ignored when LabelSelector is nil",
    pod: incoming(foo, [hard(1, "zone", undefined, { matchLabelKeys: ["bar"] })]),
    nodes: N4(),
    existing: ["a1", "a2"].map((n) => on("a", n, { foo: "a" })).concat([on("b", "b1", { foo: "a" }), on("y", "y1", { foo: "a" }), on("y", "y2", { foo: "a" })]),
    want: [{ zone1: 0, zone2: 0 }],
  },
  {
    name: "key in matchLabelKeys is ignored when it doesn't exist in pod.labels",
    pod: incoming(foo, [hard(1, "zone", FOO, { matchLabelKeys: ["bar"] })]),
    nodes: N4(),
    existing: ["a1", "a2"].map((n) => on("a", n, { foo: "a" })).concat([on("b", "b1", { foo: "a" }), on("y", "y1", { foo: "a" }), on("y", "y2", { foo: "a" })]),
    want: [{ zone1: 3, zone2: 2 }],
  },
  {
    name: "skip if not specified",
    pod: incoming(foo, []),
    nodes: [zn("a", "zone1")],
    want: "skip",
  },
]

describe("PreFilter state (filtering_test.go TestPreFilterState)", () => {
  for (const c of preFilterStateCases) {
    it(c.name, () => {
      const out = runPreFilter(c.pod, cluster(c.nodes, c.existing ?? [], c.objects ?? {}), c.profile ?? LIST)
      if (c.want === "skip") {
        expect(out).toEqual({ skip: true })
        return
      }
      if ("skip" in out) throw new Error("PreFilter skipped")
      expect(out.counts).toEqual(c.want)
      if (c.constraints !== undefined) expect(out.state.constraints.map((k) => [k.topologyKey, k.maxSkew])).toEqual(c.constraints)
    })
  }

  it("the default constraints' selector is the Service's, defaults minDomains 1 / Honor / Ignore", () => {
    const out = runPreFilter(
      incoming({ foo: "bar", baz: "kar" }, []),
      cluster([], [], { services: [{ namespace: "default", name: "svc", selector: { foo: "bar" } }] }),
      listOf([{ maxSkew: 3, topologyKey: "node", whenUnsatisfiable: "DoNotSchedule" }]),
    )
    if ("skip" in out) throw new Error("PreFilter skipped")
    expect(out.state.constraints).toEqual([
      { maxSkew: 3, topologyKey: "node", selector: { matchLabels: { foo: "bar" } }, minDomains: 1, nodeAffinityPolicy: "Honor", nodeTaintsPolicy: "Ignore" },
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// filtering_test.go: TestPreFilterStateAddPod / TestPreFilterStateRemovePod, as the recomputed
// PreFilter over the cluster after the change (what the readable σ's dry runs evaluate).

interface DeltaCase {
  readonly name: string
  readonly pod: SchedulingPod
  readonly nodes: ReadonlyArray<SchedulingNode>
  readonly existing: ReadonlyArray<Bound>
  readonly add?: Bound
  /** Index into `existing` of the pod removed. */
  readonly remove?: number
  readonly want: ReadonlyArray<Record<string, number>>
}

const nodeC = (sel = FOO) => hard(1, "node", sel)
const zoneC = (sel = FOO) => hard(1, "zone", sel)
const AB = () => [zn("a", "zone1"), zn("b", "zone1")]
const affinityNodes = () => [zn("a", "zone1", { foo: "bar" }), zn("b", "zone2", foo)]
const taintNodes = () => [zn("a", "zone1", {}, TAINTS), zn("b", "zone2")]

const deltaCases: ReadonlyArray<DeltaCase> = [
  { name: "add: node a and b both impact current min match", pod: incoming(foo, [nodeC()]), nodes: AB(), existing: [], add: on("a", "a1", foo), want: [{ "node-a": 1, "node-b": 0 }] },
  { name: "add: only node a impacts current min match", pod: incoming(foo, [nodeC()]), nodes: AB(), existing: [on("b", "b1", foo)], add: on("a", "a1", foo), want: [{ "node-a": 1, "node-b": 1 }] },
  {
    name: "add: a pod in a different namespace doesn't change the counts",
    pod: incoming(foo, [nodeC()]),
    nodes: AB(),
    existing: [on("b", "b1", foo)],
    add: on("a", "a1", foo, { namespace: "ns1" }),
    want: [{ "node-a": 0, "node-b": 1 }],
  },
  { name: "add: pod on non-critical node", pod: incoming(foo, [nodeC()]), nodes: AB(), existing: [on("b", "b1", foo)], add: on("b", "b2", foo), want: [{ "node-a": 0, "node-b": 2 }] },
  {
    name: "add: node a and x both impact the minimum on zone and node",
    pod: incoming(foo, [zoneC(), nodeC()]),
    nodes: [zn("a", "zone1"), zn("x", "zone2")],
    existing: [],
    add: on("a", "a1", foo),
    want: [{ zone1: 1, zone2: 0 }, { "node-a": 1, "node-x": 0 }],
  },
  {
    name: "add: only node a impacts the minimum on zone and node",
    pod: incoming(foo, [zoneC(), nodeC()]),
    nodes: [zn("a", "zone1"), zn("x", "zone2")],
    existing: [on("x", "x1", foo)],
    add: on("a", "a1", foo),
    want: [{ zone1: 1, zone2: 1 }, { "node-a": 1, "node-x": 1 }],
  },
  {
    name: "add: node a impacts the node minimum, node x the zone minimum",
    pod: incoming(foo, [zoneC(), nodeC()]),
    nodes: [zn("a", "zone1"), zn("b", "zone1"), zn("x", "zone2")],
    existing: [on("b", "b1", foo), on("b", "b2", foo), on("x", "x1", foo)],
    add: on("a", "a1", foo),
    want: [{ zone1: 3, zone2: 1 }, { "node-a": 1, "node-b": 2, "node-x": 1 }],
  },
  {
    name: "add: constraints hold different labelSelectors, node a impacts the zone",
    pod: incoming(fooBar, [zoneC(), nodeC(BAR)]),
    nodes: [zn("a", "zone1"), zn("b", "zone1"), zn("x", "zone2")],
    existing: [on("b", "b1", fooBar), on("x", "x1", fooBar), on("x", "x2", bar)],
    add: on("a", "a1", foo),
    want: [{ zone1: 2, zone2: 1 }, { "node-a": 0, "node-b": 1, "node-x": 2 }],
  },
  {
    name: "add: constraints hold different labelSelectors, node a impacts both",
    pod: incoming(fooBar, [zoneC(), nodeC(BAR)]),
    nodes: [zn("a", "zone1"), zn("b", "zone1"), zn("x", "zone2")],
    existing: [on("b", "b1", bar), on("x", "x1", fooBar), on("x", "x2", bar)],
    add: on("a", "a1", fooBar),
    want: [{ zone1: 1, zone2: 1 }, { "node-a": 1, "node-b": 1, "node-x": 2 }],
  },
  {
    name: "add: a pod on a node the preemptor's node affinity excludes",
    pod: incoming(foo, [zoneC()], affinity("foo", "NotIn", ["bar"])),
    nodes: affinityNodes(),
    existing: [on("a", "a2", { foo: "", zone: "zone1" }), on("b", "b1", { foo: "", zone: "zone2" })],
    add: on("a", "a1", { foo: "", zone: "zone1" }),
    want: [{ zone2: 1 }],
  },
  {
    name: "add: a pod when the preemptor matches every node",
    pod: incoming(foo, [zoneC()]),
    nodes: affinityNodes(),
    existing: [on("a", "a1", { foo: "", zone: "zone1" }), on("b", "b2", { foo: "", zone: "zone2" })],
    add: on("b", "b1", { foo: "", zone: "zone2" }),
    want: [{ zone1: 1, zone2: 2 }],
  },
  {
    name: "add: a pod the label selector doesn't match",
    pod: incoming(foo, [zoneC()]),
    nodes: affinityNodes(),
    existing: [on("a", "a1", { foo: "", zone: "zone1" }), on("b", "b2", { foo: "", zone: "zone2" })],
    add: on("b", "b1", { zone: "zone2" }),
    want: [{ zone1: 1, zone2: 1 }],
  },
  {
    name: "add: tainted node-a still counts (taints policy Ignore)",
    pod: incoming(foo, [zoneC()]),
    nodes: taintNodes(),
    existing: [on("a", "a1", { foo: "", zone: "zone1" }), on("b", "b2", { foo: "", zone: "zone2" })],
    add: on("b", "b1", { foo: "", zone: "zone2" }),
    want: [{ zone1: 1, zone2: 2 }],
  },
  {
    name: "add: taint-tolerating preemptor",
    pod: incoming(foo, [zoneC()], { tolerations: TOLERATE }),
    nodes: taintNodes(),
    existing: [on("a", "a1", { foo: "", zone: "zone1" }), on("b", "b2", { foo: "", zone: "zone2" })],
    add: on("b", "b1", { foo: "", zone: "zone2" }),
    want: [{ zone1: 1, zone2: 2 }],
  },
  {
    name: "remove: one spreadConstraint on zone, minimum unchanged",
    pod: incoming(foo, [zoneC()]),
    nodes: [zn("a", "zone1"), zn("b", "zone1"), zn("x", "zone2")],
    existing: [on("a", "a1", foo), on("b", "b1", foo), on("x", "x1", foo)],
    remove: 0,
    want: [{ zone1: 1, zone2: 1 }],
  },
  {
    name: "remove: one spreadConstraint on zone, minimum changed",
    pod: incoming(foo, [zoneC()]),
    nodes: N4(),
    existing: [on("a", "a1", foo), on("b", "b1", foo), on("x", "x1", foo), on("y", "y1", foo)],
    remove: 0,
    want: [{ zone1: 1, zone2: 2 }],
  },
  {
    name: "remove: deleting an irrelevant pod won't help",
    pod: incoming(foo, [zoneC()]),
    nodes: N4(),
    existing: [on("a", "a0", bar), on("a", "a1", foo), on("b", "b1", foo), on("x", "x1", foo), on("y", "y1", foo)],
    remove: 0,
    want: [{ zone1: 2, zone2: 2 }],
  },
  {
    name: "remove: two spreadConstraints",
    pod: incoming(foo, [zoneC(), nodeC()]),
    nodes: [zn("a", "zone1"), zn("b", "zone1"), zn("x", "zone2")],
    existing: [on("a", "a1", foo), on("a", "a2", foo), on("b", "b1", foo), on("x", "x1", foo), on("x", "x2", foo)],
    remove: 3,
    want: [{ zone1: 3, zone2: 1 }, { "node-a": 2, "node-b": 1, "node-x": 1 }],
  },
  {
    name: "remove: a pod on a node the preemptor's node affinity excludes",
    pod: incoming(foo, [zoneC()], affinity("foo", "NotIn", ["bar"])),
    nodes: affinityNodes(),
    existing: [on("a", "a1", { foo: "", zone: "zone1" }), on("a", "a2", { foo: "", zone: "zone1" }), on("b", "b1", { foo: "", zone: "zone2" })],
    remove: 0,
    want: [{ zone2: 1 }],
  },
  {
    name: "remove: a pod when the preemptor matches every node",
    pod: incoming(foo, [zoneC()]),
    nodes: affinityNodes(),
    existing: [on("a", "a1", { foo: "", zone: "zone1" }), on("b", "b1", { foo: "", zone: "zone2" })],
    remove: 1,
    want: [{ zone1: 1, zone2: 0 }],
  },
]

describe("PreFilter after adding / removing a pod (TestPreFilterStateAddPod / RemovePod)", () => {
  for (const c of deltaCases) {
    it(c.name, () => {
      const pods = c.add !== undefined ? [...c.existing, c.add] : c.existing.filter((_, i) => i !== c.remove)
      const out = runPreFilter(c.pod, cluster(c.nodes, pods))
      if ("skip" in out) throw new Error("PreFilter skipped")
      expect(out.counts).toEqual(c.want)
    })
  }
})

// ---------------------------------------------------------------------------------------------
// filtering_test.go: TestSingleConstraint and TestMultipleConstraints

interface FilterCase {
  readonly name: string
  readonly pod: SchedulingPod
  readonly nodes: ReadonlyArray<SchedulingNode>
  readonly existing?: ReadonlyArray<Bound>
  readonly want: Record<string, Code>
}

const spread2103 = () => [on("a", "a1", foo), on("a", "a2", foo), on("b", "b1", foo), on("y", "y1", foo), on("y", "y2", foo), on("y", "y3", foo)]
const spread221 = () => [on("a", "a1", foo), on("a", "a2", foo), on("b", "b1", foo), on("b", "b2", foo), on("c", "c1", foo)]
const spread21 = () => [on("a", "b1", foo), on("b", "b2", foo), on("y", "y1", foo)]
const policyNodes = (taintY = false) => [nn("a", foo), nn("b", foo), nn("x", foo), nn("y", {}, taintY ? TAINTS : [])]
const ALL_S = { "node-a": "S", "node-b": "S", "node-x": "S", "node-y": "S" } as const

const singleConstraintCases: ReadonlyArray<FilterCase> = [
  { name: "no existing pods", pod: incoming(foo, [hard(1, "zone", FOO)]), nodes: N4(), want: ALL_S },
  { name: "no existing pods, incoming pod doesn't match itself", pod: incoming(foo, [hard(1, "zone", BAR)]), nodes: N4(), want: ALL_S },
  {
    name: "existing pods in a different namespace do not count",
    pod: incoming(foo, [hard(1, "zone", FOO)]),
    nodes: N4(),
    existing: [on("a", "a1", foo, { namespace: "ns1" }), on("a", "b1", foo, { namespace: "ns2" }), on("x", "x1", foo), on("y", "y1", foo)],
    want: { "node-a": "S", "node-b": "S", "node-x": "U", "node-y": "U" },
  },
  { name: "existing pods do not match null selector", pod: incoming(foo, [hard(1, "zone", undefined)]), nodes: N4(), existing: [on("x", "x1", foo), on("y", "y1", foo)], want: ALL_S },
  { name: "pods spread across zones as 3/3, all nodes fit", pod: incoming(foo, [hard(1, "zone", FOO)]), nodes: N4(), existing: spread2103(), want: ALL_S },
  {
    name: "pods spread across zones as 1/2 due to absence of label 'zone' on node-b",
    pod: incoming(foo, [hard(1, "zone", FOO)]),
    nodes: [zn("a", "zone1"), mkNode("node-b", { zon: "zone1", node: "node-b" }), zn("x", "zone2"), zn("y", "zone2")],
    existing: [on("a", "a1", foo), on("b", "b1", foo), on("x", "x1", foo), on("y", "y1", foo)],
    want: { "node-a": "S", "node-b": "UU", "node-x": "U", "node-y": "U" },
  },
  {
    name: "pod cannot be scheduled as all nodes don't have label 'rack'",
    pod: incoming(foo, [hard(1, "rack", FOO)]),
    nodes: [zn("a", "zone1"), zn("x", "zone2")],
    want: { "node-a": "UU", "node-x": "UU" },
  },
  {
    name: "pods spread across nodes as 2/1/0/3, only node-x fits",
    pod: incoming(foo, [hard(1, "node", FOO)]),
    nodes: N4(),
    existing: spread2103(),
    want: { "node-a": "U", "node-b": "U", "node-x": "S", "node-y": "U" },
  },
  {
    name: "pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit",
    pod: incoming(foo, [hard(2, "node", FOO)]),
    nodes: N4(),
    existing: spread2103(),
    want: { "node-a": "U", "node-b": "S", "node-x": "S", "node-y": "U" },
  },
  {
    name: "pods spread across nodes as 2/1/0/3, but pod doesn't match itself",
    pod: incoming(bar, [hard(1, "node", FOO)]),
    nodes: N4(),
    existing: spread2103(),
    want: { "node-a": "U", "node-b": "S", "node-x": "S", "node-y": "U" },
  },
  {
    name: "incoming pod has nodeAffinity, pods spread as 2/~1~/~0~/3, hence node-a fits",
    pod: incoming(foo, [hard(1, "node", FOO)], affinity("node", "In", ["node-a", "node-y"])),
    nodes: N4(),
    existing: spread2103(),
    want: { "node-a": "S", "node-b": "S", "node-x": "S", "node-y": "U" },
  },
  {
    name: "terminating Pods should be excluded",
    pod: incoming(foo, [hard(1, "node", FOO)]),
    nodes: [nn("a"), nn("b")],
    existing: [on("a", "a", foo, { terminating: true }), on("b", "b", foo)],
    want: { "node-a": "S", "node-b": "U" },
  },
  {
    name: "incoming pod has nodeAffinity, pods spread as 0/~2~/0/1, hence node-a fits",
    pod: incoming(foo, [hard(1, "zone", FOO)], affinity("node", "NotIn", ["node-b"])),
    nodes: N4(),
    existing: [on("b", "b1", foo), on("b", "b2", foo), on("y", "y1", foo)],
    want: { "node-a": "S", "node-b": "S", "node-x": "U", "node-y": "U" },
  },
  {
    name: "pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains < minDomains, then the third node fits",
    pod: incoming(foo, [hard(2, "node", FOO, { minDomains: 4 })]),
    nodes: [nn("a"), nn("b"), nn("c")],
    existing: spread221(),
    want: { "node-a": "U", "node-b": "U", "node-c": "S" },
  },
  {
    name: "pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains > minDomains, then the all nodes fit",
    pod: incoming(foo, [hard(2, "node", FOO, { minDomains: 2 })]),
    nodes: [nn("a"), nn("b"), nn("c")],
    existing: spread221(),
    want: { "node-a": "S", "node-b": "S", "node-c": "S" },
  },
  {
    name: "pods spread across zone as 2/1, maxSkew is 2 and the number of domains < minDomains, then the third and fourth nodes fit",
    pod: incoming(foo, [hard(2, "zone", FOO, { minDomains: 3 })]),
    nodes: N4(),
    existing: spread21(),
    want: { "node-a": "U", "node-b": "U", "node-x": "S", "node-y": "S" },
  },
  {
    name: "pods spread across zone as 2/1, maxSkew is 2 and the number of domains > minDomains, then the all nodes fit",
    pod: incoming(foo, [hard(2, "zone", FOO, { minDomains: 1 })]),
    nodes: N4(),
    existing: spread21(),
    want: ALL_S,
  },
  {
    name: "NodeAffinityPolicy honored with labelSelectors",
    pod: incoming(foo, [hard(1, "node", FOO)], { nodeSelector: { foo: "" } }),
    nodes: policyNodes(),
    existing: spread21(),
    want: { "node-a": "U", "node-b": "U", "node-x": "S", "node-y": "S" },
  },
  {
    name: "NodeAffinityPolicy ignored with labelSelectors",
    pod: incoming(foo, [hard(1, "node", FOO, { nodeAffinityPolicy: "Ignore" })], { nodeSelector: { foo: "" } }),
    nodes: policyNodes(),
    existing: spread21(),
    want: { "node-a": "U", "node-b": "U", "node-x": "S", "node-y": "U" },
  },
  {
    name: "NodeAffinityPolicy honored with nodeAffinity",
    pod: incoming(foo, [hard(1, "node", FOO)], affinity("foo", "In", [""])),
    nodes: policyNodes(),
    existing: spread21(),
    want: { "node-a": "U", "node-b": "U", "node-x": "S", "node-y": "S" },
  },
  {
    name: "NodeAffinityPolicy ignored with nodeAffinity",
    pod: incoming(foo, [hard(1, "node", FOO, { nodeAffinityPolicy: "Ignore" })], affinity("foo", "In", [""])),
    nodes: policyNodes(),
    existing: spread21(),
    want: { "node-a": "U", "node-b": "U", "node-x": "S", "node-y": "U" },
  },
  {
    name: "NodeTaintsPolicy honored",
    pod: incoming(foo, [hard(1, "node", FOO, { nodeTaintsPolicy: "Honor" })]),
    nodes: policyNodes(true),
    existing: spread21(),
    want: { "node-a": "U", "node-b": "U", "node-x": "S", "node-y": "S" },
  },
  {
    name: "NodeTaintsPolicy ignored",
    pod: incoming(foo, [hard(1, "node", FOO)]),
    nodes: policyNodes(true),
    existing: spread21(),
    want: { "node-a": "U", "node-b": "U", "node-x": "S", "node-y": "U" },
  },
]

const multipleConstraintCases: ReadonlyArray<FilterCase> = [
  {
    name: "two Constraints on zone and node, spreads = [3/3, 2/1/0/3]",
    pod: incoming(foo, [hard(1, "zone", FOO), hard(1, "node", FOO)]),
    nodes: N4(),
    existing: spread2103(),
    want: { "node-a": "U", "node-b": "U", "node-x": "S", "node-y": "U" },
  },
  {
    name: "two Constraints on zone and node, spreads = [3/4, 2/1/0/4]",
    pod: incoming(foo, [hard(1, "zone", FOO), hard(1, "node", FOO)]),
    nodes: N4(),
    existing: [...spread2103(), on("y", "y4", foo)],
    want: { "node-a": "U", "node-b": "U", "node-x": "U", "node-y": "U" },
  },
  {
    name: "Constraints hold different labelSelectors, spreads = [1/0, 1/0/0/1]",
    pod: incoming(fooBar, [hard(1, "zone", FOO), hard(1, "node", BAR)]),
    nodes: N4(),
    existing: [on("a", "a1", foo), on("y", "y1", bar)],
    want: { "node-a": "U", "node-b": "U", "node-x": "S", "node-y": "U" },
  },
  {
    name: "Constraints hold different labelSelectors, spreads = [1/0, 0/0/1/1]",
    pod: incoming(fooBar, [hard(1, "zone", FOO), hard(1, "node", BAR)]),
    nodes: N4(),
    existing: [on("a", "a1", foo), on("x", "x1", bar), on("y", "y1", bar)],
    want: { "node-a": "U", "node-b": "U", "node-x": "U", "node-y": "U" },
  },
  {
    name: "Constraints hold different labelSelectors, spreads = [2/3, 1/0/0/1]",
    pod: incoming(fooBar, [hard(1, "zone", FOO), hard(1, "node", BAR)]),
    nodes: N4(),
    existing: [on("a", "a1", foo), on("a", "a2", fooBar), on("y", "y1", foo), on("y", "y2", fooBar), on("y", "y3", foo)],
    want: { "node-a": "U", "node-b": "S", "node-x": "U", "node-y": "U" },
  },
  {
    name: "Constraints hold different labelSelectors but pod doesn't match itself on 'zone' constraint",
    pod: incoming(bar, [hard(1, "zone", FOO), hard(1, "node", BAR)]),
    nodes: N4(),
    existing: [on("a", "a1", foo), on("x", "x1", bar), on("y", "y1", bar)],
    want: { "node-a": "S", "node-b": "S", "node-x": "U", "node-y": "U" },
  },
  {
    name: "two Constraints on zone and node, absence of label 'node' on node-x, spreads = [1/1, 1/0/0/1]",
    pod: incoming(foo, [hard(1, "zone", FOO), hard(1, "node", FOO)]),
    nodes: [zn("a", "zone1"), zn("b", "zone1"), mkNode("node-x", { zone: "zone2" }), zn("y", "zone2")],
    existing: [on("a", "a1", foo), on("y", "y3", foo)],
    want: { "node-a": "U", "node-b": "S", "node-x": "UU", "node-y": "U" },
  },
  {
    name: "two node inclusion Constraints, zone: honor/ignore, node: ignore/ignore",
    pod: incoming(foo, [hard(1, "zone", FOO), hard(1, "node", FOO, { nodeAffinityPolicy: "Ignore" })], { nodeSelector: { foo: "" } }),
    nodes: [zn("a", "zone1", foo), zn("b", "zone1", foo), zn("x", "zone2", foo), zn("y", "zone2")],
    existing: [on("a", "a1", foo), on("b", "b1", foo), on("y", "y1", foo)],
    want: { "node-a": "U", "node-b": "U", "node-x": "S", "node-y": "U" },
  },
  {
    name: "two node inclusion Constraints, zone: honor/honor, node: honor/ignore",
    pod: incoming(foo, [hard(1, "zone", FOO, { nodeTaintsPolicy: "Honor" }), hard(1, "node", FOO)]),
    nodes: [zn("a", "zone1", foo), zn("b", "zone1", foo), zn("x", "zone2", foo), zn("y", "zone2", {}, TAINTS)],
    existing: [on("a", "a1", foo), on("b", "b1", foo), on("y", "y1", foo)],
    want: { "node-a": "U", "node-b": "U", "node-x": "S", "node-y": "U" },
  },
  {
    name: "two node inclusion Constraints, zone: honor/ignore, node: honor/ignore",
    pod: incoming(foo, [hard(1, "zone", FOO), hard(1, "node", FOO)], { nodeSelector: { foo: "" } }),
    nodes: [zn("a", "zone1", foo), zn("b", "zone1"), zn("x", "zone2", foo), zn("y", "zone2", foo, TAINTS)],
    existing: [on("a", "a1", foo), on("b", "b1", foo), on("y", "y1", foo)],
    want: { "node-a": "U", "node-b": "S", "node-x": "S", "node-y": "U" },
  },
  {
    name: "two node inclusion Constraints, zone: honor/honor, node: ignore/ignore",
    pod: incoming(foo, [hard(1, "zone", FOO, { nodeTaintsPolicy: "Honor" }), hard(1, "node", FOO, { nodeAffinityPolicy: "Ignore" })], { nodeSelector: { foo: "" } }),
    nodes: [zn("a", "zone1", foo), zn("b", "zone1"), zn("x", "zone2", foo), zn("y", "zone2", foo, TAINTS)],
    existing: [on("a", "a1", foo), on("b", "b1", foo), on("y", "y1", foo)],
    want: { "node-a": "U", "node-b": "U", "node-x": "S", "node-y": "U" },
  },
]

describe("Filter, one constraint (filtering_test.go TestSingleConstraint)", () => {
  for (const c of singleConstraintCases) it(c.name, () => expect(filterCodes(c.pod, cluster(c.nodes, c.existing ?? []))).toEqual(c.want))
})

describe("Filter, several constraints (filtering_test.go TestMultipleConstraints)", () => {
  for (const c of multipleConstraintCases) it(c.name, () => expect(filterCodes(c.pod, cluster(c.nodes, c.existing ?? []))).toEqual(c.want))
})

describe("Filter reasons (v1.35 strings)", () => {
  it("a missing key is UnschedulableAndUnresolvable with '(missing required label)', a skew Unschedulable", () => {
    const view = cluster([zn("a", "zone1"), mkNode("node-b", { node: "node-b" })], [on("a", "a1", foo), on("a", "a2", foo)])
    const p = incoming(foo, [hard(1, "zone", FOO), hard(1, "node", FOO)])
    const plugin = podTopologySpreadFilterPlugin(LIST)
    const out = plugin.preFilter?.(p, view)
    if (out?.kind !== "proceed") throw new Error("no state")
    expect(REASON_SPREAD_MISSING_LABEL).toBe("node(s) didn't match pod topology spread constraints (missing required label)")
    expect(plugin.filter(p, view.nodes[1] as NodeState, out.state, view)).toEqual({ code: "UnschedulableAndUnresolvable", reasons: [REASON_SPREAD_MISSING_LABEL] })
    // zone1 is the only domain (min 2), so the zone constraint holds; node-a is the only "node" domain too.
    expect(plugin.filter(p, view.nodes[0] as NodeState, out.state, view).code).toBe("Success")
    const skewed = incoming(foo, [hard(1, "zone", FOO)])
    const view2 = cluster([zn("a", "zone1"), zn("x", "zone2")], [on("a", "a1", foo), on("a", "a2", foo)])
    const out2 = plugin.preFilter?.(skewed, view2)
    if (out2?.kind !== "proceed") throw new Error("no state")
    expect(plugin.filter(skewed, view2.nodes[0] as NodeState, out2.state, view2)).toEqual({ code: "Unschedulable", reasons: [REASON_SPREAD_CONSTRAINTS] })
  })

  it("an empty labelSelector counts no pod (countPodsMatchSelector), yet the pod still matches itself", () => {
    // zone1 holds 5 pods; with `labelSelector: {}` none is counted: skew 0 + 1 − 0 = 1 ≤ 1 everywhere.
    const view = cluster([zn("a", "zone1"), zn("x", "zone2")], ["1", "2", "3", "4", "5"].map((i) => on("a", `a${i}`, foo)))
    expect(filterCodes(incoming(foo, [hard(1, "zone", {})]), view)).toEqual({ "node-a": "S", "node-x": "S" })
    // …whereas an Exists selector counts them: zone1 5 + 1 − 0 > 1.
    expect(filterCodes(incoming(foo, [hard(1, "zone", FOO)]), view)).toEqual({ "node-a": "U", "node-x": "S" })
  })

  it("Filter without its PreFilter state is an error, as upstream (TestPreFilterDisabled)", () => {
    const view = cluster([zn("a", "zone1")], [])
    expect(() => podTopologySpreadFilterPlugin(LIST).filter(incoming(foo, [hard(1, "zone", FOO)]), view.nodes[0] as NodeState, undefined, view)).toThrow(/PreFilter/)
  })
})

// ---------------------------------------------------------------------------------------------
// scoring_test.go: TestPreScoreSkip and TestPreScoreStateEmptyNodes

describe("PreScore (scoring_test.go TestPreScoreSkip, TestPreScoreStateEmptyNodes)", () => {
  it("skips a pod without soft constraints (List defaulting, no defaults)", () => {
    expect(preScore(pod("default/p", {}), cluster([mkNode("node-a", { [HOST]: "node-a" }), mkNode("node-b", { [HOST]: "node-b" })], []), LIST)).toBe("skip")
  })

  it("skips with default constraints and a ReplicaSet that doesn't exist", () => {
    const p = incoming({ foo: "bar", baz: "sup" }, [], { controller: { apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs2" } })
    const objects: ClusterObjects = { controllers: [{ kind: "ReplicaSet", namespace: "default", name: "rs1", selector: exists("tar") }] }
    expect(preScore(p, cluster([mkNode("node-a", { planet: "mars" })], [], objects), listOf([{ maxSkew: 2, topologyKey: "planet", whenUnsatisfiable: "ScheduleAnyway" }]))).toBe("skip")
  })

  interface PreScoreCase {
    readonly name: string
    readonly pod: SchedulingPod
    readonly nodes: ReadonlyArray<SchedulingNode>
    readonly profile: Profile
    readonly objects?: ClusterObjects
    readonly keys: ReadonlyArray<string>
    readonly ignored: ReadonlyArray<string>
    readonly counts: ReadonlyArray<Record<string, number>>
    readonly sizes: ReadonlyArray<number>
  }
  const hz = (short: string, zone: string | undefined, extra: Labels = {}, taints: ReadonlyArray<Taint> = []) =>
    mkNode(`node-${short}`, { ...(zone === undefined ? {} : { zone }), [HOST]: `node-${short}`, ...extra }, taints)
  const rs1: ClusterObjects = { controllers: [{ kind: "ReplicaSet", namespace: "default", name: "rs1", selector: FOO }] }
  const ownedByRs1 = { controller: { apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs1" } }
  const policyNodes3 = (taintX = false) => [hz("a", "zone1", foo), hz("b", "zone1", foo), hz("x", "zone2", {}, taintX ? TAINTS : [])]

  const cases: ReadonlyArray<PreScoreCase> = [
    {
      name: "normal case",
      pod: incoming(foo, [soft(1, "zone", FOO), soft(1, HOST, FOO)]),
      nodes: [hz("a", "zone1"), hz("b", "zone1"), hz("x", "zone2")],
      profile: LIST,
      keys: ["zone", HOST],
      ignored: [],
      counts: [{ zone1: 0, zone2: 0 }, {}],
      sizes: [2, 3],
    },
    {
      name: "null selector",
      pod: incoming(foo, [soft(1, "zone", undefined)]),
      nodes: [hz("a", "zone1"), hz("b", "zone1"), hz("x", "zone2")],
      profile: LIST,
      keys: ["zone"],
      ignored: [],
      counts: [{ zone1: 0, zone2: 0 }],
      sizes: [2],
    },
    {
      name: "node-x doesn't have label zone",
      pod: incoming(foo, [soft(1, "zone", FOO), soft(1, HOST, BAR)]),
      nodes: [hz("a", "zone1"), hz("b", "zone1"), hz("x", undefined)],
      profile: LIST,
      keys: ["zone", HOST],
      ignored: ["node-x"],
      counts: [{ zone1: 0 }, {}],
      sizes: [1, 2],
    },
    {
      name: "system default constraints and a replicaset (nodes without zone form the domain '')",
      pod: incoming({ foo: "tar", baz: "sup" }, [], ownedByRs1),
      nodes: [
        mkNode("node-a", { [HOST]: "node-a", [ZONE]: "mars" }),
        mkNode("node-b", { [HOST]: "node-b", [ZONE]: "mars" }),
        mkNode("node-c", { [HOST]: "node-c" }),
        mkNode("node-d", { [HOST]: "node-d" }),
      ],
      profile: SYSTEM,
      objects: rs1,
      keys: [HOST, ZONE],
      ignored: [],
      counts: [{}, { mars: 0, "": 0 }],
      sizes: [4, 2],
    },
    {
      name: "default constraints and a replicaset",
      pod: incoming({ foo: "tar", baz: "sup" }, [], ownedByRs1),
      nodes: [mkNode("node-a", { rack: "rack1", [HOST]: "node-a", planet: "mars" })],
      profile: listOf([
        { maxSkew: 1, topologyKey: HOST, whenUnsatisfiable: "ScheduleAnyway" },
        { maxSkew: 2, topologyKey: "rack", whenUnsatisfiable: "DoNotSchedule" },
        { maxSkew: 2, topologyKey: "planet", whenUnsatisfiable: "ScheduleAnyway" },
      ]),
      objects: rs1,
      keys: [HOST, "planet"],
      ignored: [],
      counts: [{}, { mars: 0 }],
      sizes: [1, 1],
    },
    {
      name: "List defaulting with the system's two constraints: a node without zone is ignored (requireAllTopologies)",
      pod: incoming({ foo: "tar" }, [], ownedByRs1),
      nodes: [mkNode("node-a", { [HOST]: "node-a", [ZONE]: "mars" }), mkNode("node-b", { [HOST]: "node-b" })],
      profile: listOf([
        { maxSkew: 3, topologyKey: HOST, whenUnsatisfiable: "ScheduleAnyway" },
        { maxSkew: 5, topologyKey: ZONE, whenUnsatisfiable: "ScheduleAnyway" },
      ]),
      objects: rs1,
      keys: [HOST, ZONE],
      ignored: ["node-b"],
      counts: [{}, { mars: 0 }],
      sizes: [1, 1],
    },
    {
      name: "default constraints and a replicaset, but pod has constraints",
      pod: incoming({ foo: "bar", baz: "sup" }, [hard(1, "zone", BAR), soft(2, "planet", { matchLabels: { baz: "sup" } })], ownedByRs1),
      nodes: [mkNode("node-a", { planet: "mars", galaxy: "andromeda" })],
      profile: listOf([{ maxSkew: 2, topologyKey: "galaxy", whenUnsatisfiable: "ScheduleAnyway" }]),
      objects: rs1,
      keys: ["planet"],
      ignored: [],
      counts: [{ mars: 0 }],
      sizes: [1],
    },
    ...(
      [
        ["NodeAffinityPolicy honored with labelSelectors", { nodeSelector: { foo: "" } }, {}, false],
        ["NodeAffinityPolicy ignored with labelSelectors", { nodeSelector: { foo: "" } }, { nodeAffinityPolicy: "Ignore" }, false],
        ["NodeAffinityPolicy honored with nodeAffinity", affinity("foo", "In", [""]), {}, false],
        ["NodeAffinityPolicy ignored with nodeAffinity", affinity("foo", "In", [""]), { nodeAffinityPolicy: "Ignore" }, false],
        ["NodeTaintsPolicy honored", {}, { nodeTaintsPolicy: "Honor" }, true],
        ["NodeTaintsPolicy ignored", {}, {}, true],
      ] as const
    ).map(
      ([name, rest, extra, taintX]): PreScoreCase => ({
        name: `${name} (domains come from the feasible nodes, whatever the policies)`,
        pod: incoming(foo, [soft(1, "zone", BAR, extra)], rest),
        nodes: policyNodes3(taintX),
        profile: LIST,
        keys: ["zone"],
        ignored: [],
        counts: [{ zone1: 0, zone2: 0 }],
        sizes: [2],
      }),
    ),
  ]
  for (const c of cases) {
    it(c.name, () => {
      const state = preScore(c.pod, cluster(c.nodes, [], c.objects ?? {}), c.profile)
      if (state === "skip") throw new Error("PreScore skipped")
      expect(state.constraints.map((k) => k.topologyKey)).toEqual(c.keys)
      expect([...state.ignored]).toEqual(c.ignored)
      expect(state.counts.map((m) => Object.fromEntries(m))).toEqual(c.counts)
      expect(state.weights).toEqual(c.sizes.map(topologyNormalizingWeight))
    })
  }

  it("the system default selector is the ReplicaSet's (matchLabels as In requirements)", () => {
    const state = preScore(
      incoming({ foo: "tar", baz: "sup" }, [], ownedByRs1),
      cluster([mkNode("node-a", { [HOST]: "node-a", [ZONE]: "mars" })], [], rs1),
      SYSTEM,
    )
    if (state === "skip") throw new Error("PreScore skipped")
    expect(state.constraints).toEqual([
      { maxSkew: 3, topologyKey: HOST, selector: { matchLabels: {}, matchExpressions: FOO.matchExpressions }, minDomains: 1, nodeAffinityPolicy: "Honor", nodeTaintsPolicy: "Ignore" },
      { maxSkew: 5, topologyKey: ZONE, selector: { matchLabels: {}, matchExpressions: FOO.matchExpressions }, minDomains: 1, nodeAffinityPolicy: "Honor", nodeTaintsPolicy: "Ignore" },
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// scoring_test.go: TestPodTopologySpreadScore (harness: System defaulting)

interface ScoreCase {
  readonly name: string
  readonly pod: SchedulingPod
  readonly nodes: ReadonlyArray<SchedulingNode>
  readonly failed?: ReadonlyArray<SchedulingNode>
  readonly existing?: ReadonlyArray<Bound>
  readonly objects?: ClusterObjects
  readonly want: Record<string, number>
}

const h = (short: string, extra: Labels = {}) => mkNode(`node-${short}`, { [HOST]: `node-${short}`, ...extra })
const hz = (short: string, zone: string) => h(short, { zone })
const onAll = (spec: Record<string, number>, labels: Labels = foo): Bound[] =>
  Object.entries(spec).flatMap(([short, n]) => Array.from({ length: n }, (_, i) => on(short, `${short}${i + 1}`, labels)))
const hostC = (maxSkew = 1, sel: LabelSelector = FOO, extra: Partial<TopologySpreadConstraint> = {}) => soft(maxSkew, HOST, sel, extra)
const scorePolicyNodes = (taintC = false) => [nn("a", foo), nn("b", foo), nn("c", {}, taintC ? TAINTS : [])]
const scorePolicyPods = () => onAll({ a: 2, b: 1, c: 1 })

const scoreCases: ReadonlyArray<ScoreCase> = [
  { name: "one constraint on node, no existing pods", pod: incoming(foo, [hostC()]), nodes: [h("a"), h("b")], want: { "node-a": 100, "node-b": 100 } },
  {
    name: "one constraint on node, only one node is candidate",
    pod: incoming(foo, [hostC()]),
    nodes: [h("a")],
    failed: [h("b")],
    existing: onAll({ a: 2, b: 1 }),
    want: { "node-a": 100 },
  },
  {
    name: "one constraint on node, all nodes have the same number of matching pods",
    pod: incoming(foo, [hostC()]),
    nodes: [h("a"), h("b")],
    existing: onAll({ a: 1, b: 1 }),
    want: { "node-a": 100, "node-b": 100 },
  },
  {
    name: "one constraint on node, all 4 nodes are candidates",
    pod: incoming(foo, [hostC()]),
    nodes: [h("a"), h("b"), h("c"), h("d")],
    existing: onAll({ a: 2, b: 1, d: 3 }),
    want: { "node-a": 20, "node-b": 60, "node-c": 100, "node-d": 0 },
  },
  {
    name: "one constraint on node, null selector",
    pod: incoming(foo, [soft(1, HOST, undefined)]),
    nodes: [h("a"), h("b"), h("c"), h("d")],
    existing: onAll({ a: 2, b: 1, d: 3 }),
    want: { "node-a": 100, "node-b": 100, "node-c": 100, "node-d": 100 },
  },
  {
    name: "one constraint on node, all 4 nodes are candidates, maxSkew=2",
    pod: incoming(foo, [hostC(2)]),
    nodes: [h("a"), h("b"), h("c"), h("d")],
    existing: onAll({ a: 2, b: 1, d: 3 }),
    want: { "node-a": 33, "node-b": 66, "node-c": 100, "node-d": 16 },
  },
  {
    name: "one constraint on node, all 4 nodes are candidates, maxSkew=3",
    pod: incoming(foo, [hostC(3)]),
    nodes: [h("a"), h("b"), h("c"), h("d")],
    existing: onAll({ a: 4, b: 3, c: 2, d: 1 }),
    want: { "node-a": 44, "node-b": 66, "node-c": 77, "node-d": 100 },
  },
  {
    name: "system defaulting, nodes don't have zone, pods match service",
    pod: incoming(foo, []),
    nodes: [h("a"), h("b"), h("c"), h("d")],
    existing: onAll({ a: 4, b: 3, c: 2, d: 1 }),
    objects: { services: [{ namespace: "default", name: "svc", selector: { foo: "" } }] },
    want: { "node-a": 44, "node-b": 66, "node-c": 77, "node-d": 100 },
  },
  {
    name: "one constraint on node, 3 out of 4 nodes are candidates",
    pod: incoming(foo, [hostC()]),
    nodes: [h("a"), h("b"), h("x")],
    failed: [h("y")],
    existing: onAll({ a: 4, b: 2, x: 1, y: 3 }),
    want: { "node-a": 33, "node-b": 83, "node-x": 100 },
  },
  {
    name: "one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match topology key",
    pod: incoming(foo, [hostC()]),
    nodes: [h("a"), mkNode("node-b", { n: "node-b" }), h("x")],
    failed: [h("y")],
    existing: onAll({ a: 4, b: 2, x: 1, y: 3 }),
    want: { "node-a": 16, "node-b": 0, "node-x": 100 },
  },
  {
    name: "one constraint on zone, 3 out of 4 nodes are candidates",
    pod: incoming(foo, [soft(1, "zone", FOO)]),
    nodes: [hz("a", "zone1"), hz("b", "zone1"), hz("x", "zone2")],
    failed: [hz("y", "zone2")],
    existing: onAll({ a: 4, b: 2, x: 1, y: 3 }),
    want: { "node-a": 75, "node-b": 75, "node-x": 100 },
  },
  {
    name: "two Constraints on zone and node, 2 out of 4 nodes are candidates",
    pod: incoming(foo, [soft(1, "zone", FOO), hostC()]),
    nodes: [hz("a", "zone1"), hz("x", "zone2")],
    failed: [hz("b", "zone1"), hz("y", "zone2")],
    existing: onAll({ a: 2, b: 1, x: 2, y: 4 }),
    want: { "node-a": 100, "node-x": 63 },
  },
  {
    name: "two Constraints on zone and node, with different labelSelectors",
    pod: incoming(fooBar, [soft(1, "zone", FOO), hostC(1, BAR)]),
    nodes: [hz("a", "zone1"), hz("b", "zone1"), hz("x", "zone2"), hz("y", "zone2")],
    existing: [on("a", "a1", foo), on("b", "b1", fooBar), on("y", "y1", foo), on("y", "y2", bar)],
    want: { "node-a": 60, "node-b": 20, "node-x": 100, "node-y": 60 },
  },
  {
    name: "two Constraints on zone and node, with different labelSelectors, some nodes have 0 pods",
    pod: incoming(fooBar, [soft(1, "zone", FOO), hostC(1, BAR)]),
    nodes: [hz("a", "zone1"), hz("b", "zone1"), hz("x", "zone2"), hz("y", "zone2")],
    existing: [on("b", "b1", bar), on("x", "x1", foo), on("y", "y1", fooBar)],
    want: { "node-a": 100, "node-b": 60, "node-x": 40, "node-y": 0 },
  },
  {
    name: "two Constraints on zone and node, with different labelSelectors, 3 out of 4 nodes are candidates",
    pod: incoming(fooBar, [soft(1, "zone", FOO), hostC(1, BAR)]),
    nodes: [hz("a", "zone1"), hz("b", "zone1"), hz("x", "zone2")],
    failed: [hz("y", "zone2")],
    existing: [on("a", "a1", foo), on("b", "b1", fooBar), on("y", "y1", foo), on("y", "y2", bar)],
    want: { "node-a": 50, "node-b": 25, "node-x": 100 },
  },
  {
    name: "existing pods in a different namespace do not count",
    pod: incoming(foo, [hostC()]),
    nodes: [h("a"), h("b")],
    existing: [on("a", "a1", foo, { namespace: "ns1" }), on("a", "a2", foo), on("b", "b1", foo), on("b", "b2", foo)],
    want: { "node-a": 100, "node-b": 33 },
  },
  {
    name: "terminating Pods should be excluded",
    pod: incoming(foo, [hostC()]),
    nodes: [h("a"), h("b")],
    existing: [on("a", "a", foo, { terminating: true }), on("b", "b", foo)],
    want: { "node-a": 100, "node-b": 0 },
  },
  {
    name: "minDomains has no effect when ScheduleAnyway",
    pod: incoming(foo, [soft(2, "node", FOO, { minDomains: 10 })]),
    nodes: [nn("a"), nn("b"), nn("c")],
    existing: onAll({ a: 2, b: 2, c: 1 }),
    want: { "node-a": 75, "node-b": 75, "node-c": 100 },
  },
  {
    name: "NodeAffinityPolicy honored with labelSelectors",
    pod: incoming(foo, [soft(1, "node", FOO)], { nodeSelector: { foo: "" } }),
    nodes: scorePolicyNodes(),
    existing: scorePolicyPods(),
    want: { "node-a": 0, "node-b": 33, "node-c": 100 },
  },
  {
    name: "NodeAffinityPolicy ignored with labelSelectors",
    pod: incoming(foo, [soft(1, "node", FOO, { nodeAffinityPolicy: "Ignore" })], { nodeSelector: { foo: "" } }),
    nodes: scorePolicyNodes(),
    existing: scorePolicyPods(),
    want: { "node-a": 66, "node-b": 100, "node-c": 100 },
  },
  {
    name: "NodeAffinityPolicy honored with nodeAffinity",
    pod: incoming(foo, [soft(1, "node", FOO)], affinity("foo", "In", [""])),
    nodes: scorePolicyNodes(),
    existing: scorePolicyPods(),
    want: { "node-a": 0, "node-b": 33, "node-c": 100 },
  },
  {
    name: "NodeAffinityPolicy ignored with nodeAffinity",
    pod: incoming(foo, [soft(1, "node", FOO, { nodeAffinityPolicy: "Ignore" })], affinity("foo", "In", [""])),
    nodes: scorePolicyNodes(),
    existing: scorePolicyPods(),
    want: { "node-a": 66, "node-b": 100, "node-c": 100 },
  },
  {
    name: "NodeTaintsPolicy honored",
    pod: incoming(foo, [soft(1, "node", FOO, { nodeTaintsPolicy: "Honor" })]),
    nodes: scorePolicyNodes(true),
    existing: scorePolicyPods(),
    want: { "node-a": 0, "node-b": 33, "node-c": 100 },
  },
  {
    name: "NodeTaintsPolicy ignored",
    pod: incoming(foo, [soft(1, "node", FOO)]),
    nodes: scorePolicyNodes(true),
    existing: scorePolicyPods(),
    want: { "node-a": 66, "node-b": 100, "node-c": 100 },
  },
  {
    name: "matchLabelKeys ANDed with LabelSelector when LabelSelector is empty",
    pod: incoming(fooBar, [soft(1, "zone", {}, { matchLabelKeys: ["foo"] }), hostC(1, {}, { matchLabelKeys: ["bar"] })]),
    nodes: [hz("a", "zone1"), hz("b", "zone1"), hz("c", "zone2"), hz("d", "zone2")],
    existing: [on("a", "a1", foo), on("b", "b1", fooBar), on("c", "y1", foo), on("c", "y2", bar)],
    want: { "node-a": 60, "node-b": 20, "node-c": 60, "node-d": 100 },
  },
  {
    name: "matchLabelKeys ANDed with LabelSelector when LabelSelector isn't empty",
    pod: incoming({ foo: "", bar: "", baz: "" }, [soft(1, "zone", FOO), hostC(1, BAR, { matchLabelKeys: ["baz"] })]),
    nodes: [hz("a", "zone1"), hz("b", "zone1"), hz("c", "zone2"), hz("d", "zone2")],
    existing: [on("a", "a1", foo), on("b", "b1", { foo: "", bar: "", baz: "" }), on("c", "c1", foo), on("c", "c2", bar), on("c", "d3", { bar: "", baz: "" })],
    want: { "node-a": 60, "node-b": 20, "node-c": 60, "node-d": 100 },
  },
]

describe("Score and NormalizeScore (scoring_test.go TestPodTopologySpreadScore)", () => {
  for (const c of scoreCases) {
    it(c.name, () => {
      const view = cluster([...c.nodes, ...(c.failed ?? [])], c.existing ?? [], c.objects ?? {})
      expect(scoreNodes(c.pod, view, c.nodes.map((n) => n.name))).toEqual(c.want)
    })
  }

  it("raw scores before normalisation are rounded sums of cnt·ln(size+2) + maxSkew − 1", () => {
    // 2/1/0/3 over 4 hostname domains: w = ln 6; raw = round(2w) = round(3.58) = 4, round(1.79) = 2, 0, round(5.38) = 5.
    const view = cluster([h("a"), h("b"), h("c"), h("d")], onAll({ a: 2, b: 1, d: 3 }))
    const plugin = podTopologySpreadScorePlugin(SYSTEM)
    const p = incoming(foo, [hostC()])
    const out = plugin.preScore?.(p, view.nodes, view)
    if (out?.kind !== "proceed") throw new Error("skipped")
    expect(view.nodes.map((s) => plugin.score(p, s, out.state, view))).toEqual([4, 2, 0, 5])
    // normalised: max 5, min 0 → ⌊100·(5−s)/5⌋ = 20, 60, 100, 0 (upstream's case above)
  })
})

// ---------------------------------------------------------------------------------------------
// System defaulting end to end, List defaulting, preemption, the case.

const HZ = (name: string, zone: string | undefined) => mkNode(name, { [HOST]: name, ...(zone === undefined ? {} : { [ZONE]: zone }) })
const threeNodes = () => [HZ("n1", "z1"), HZ("n2", "z1"), HZ("n3", "z2")]
const onlySpread: Profile = { ...SYSTEM, filters: ["PodTopologySpread"], weights: { PodTopologySpread: 1 } }

describe("system default constraints through the readable σ", () => {
  const web = (name: string, rest: Partial<SchedulingPod> = {}) => pod(`shop/${name}`, { cpu: 100 }, { labels: { app: "web" }, ...rest })
  const spreadScores = (objects: ClusterObjects, p: SchedulingPod, bound: ReadonlyArray<Bound> = [], profile: Profile = onlySpread) => {
    const s = readableScheduler({ nodes: threeNodes(), bound, ...objects }, { profile })
    const placed = s.schedule(p, { explain: true })
    // Per node: its normalised spread score, "skipped" when PreScore skipped, "infeasible" when filtered out.
    return Object.fromEntries((placed.scores ?? []).map((e) => [e.node, e.feasible ? (e.plugins.PodTopologySpread ?? "skipped") : "infeasible"]))
  }
  const SKIPPED = { n1: "skipped", n2: "skipped", n3: "skipped" }
  const existing = (): Bound[] => [
    { node: "n1", pod: web("w-0") },
    { node: "n1", pod: web("w-1") },
    { node: "n2", pod: web("w-2") },
  ]
  // Expected with the selector app=web: hostname counts 2/1/0 (w = ln 5), zone z1 = 3, z2 = 0 (w = ln 4).
  // raw: n1 round(2·1.609 + 2 + 3·1.386 + 4) = round(13.38) = 13; n2 round(1.609 + 2 + 4.159 + 4) = round(11.77) = 12;
  // n3 round(0 + 2 + 0 + 4) = 6. Normalised: max 13, min 6 → ⌊100·(19 − s)/13⌋ = 46, 53, 100.
  const SPREAD = { n1: 46, n2: 53, n3: 100 }

  it("a Service selecting the pod gives it the system defaults", () => {
    expect(spreadScores({ services: [{ namespace: "shop", name: "web", selector: { app: "web" } }] }, web("new"), existing())).toEqual(SPREAD)
  })

  it("a ReplicaSet owner gives it the system defaults (apps/v1 only)", () => {
    const rs = { controllers: [{ kind: "ReplicaSet" as const, namespace: "shop", name: "web-7f", selector: { matchLabels: { app: "web" } } }] }
    expect(spreadScores(rs, web("new", { controller: { apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-7f" } }), existing())).toEqual(SPREAD)
    // An extensions/v1beta1 owner reference is not a kind DefaultSelector knows: no constraints, PreScore skipped.
    expect(spreadScores(rs, web("new", { controller: { apiVersion: "extensions/v1beta1", kind: "ReplicaSet", name: "web-7f" } }), existing())).toEqual(SKIPPED)
    // An owner the objects do not hold contributes nothing either.
    expect(spreadScores(rs, web("new", { controller: { apiVersion: "apps/v1", kind: "ReplicaSet", name: "gone" } }), existing())).toEqual(SKIPPED)
  })

  it("a StatefulSet owner and a ReplicationController owner give it the system defaults", () => {
    const ss = { controllers: [{ kind: "StatefulSet" as const, namespace: "shop", name: "db", selector: { matchExpressions: [{ key: "app", operator: "In" as const, values: ["web"] }] } }] }
    expect(spreadScores(ss, web("new", { controller: { apiVersion: "apps/v1", kind: "StatefulSet", name: "db" } }), existing())).toEqual(SPREAD)
    const rc = { controllers: [{ kind: "ReplicationController" as const, namespace: "shop", name: "old", selector: { matchLabels: { app: "web" } } }] }
    expect(spreadScores(rc, web("new", { controller: { apiVersion: "v1", kind: "ReplicationController", name: "old" } }), existing())).toEqual(SPREAD)
  })

  it("nothing selects the pod (Service in another namespace, Service without selector, no owner): no spreading score", () => {
    const objects: ClusterObjects = {
      services: [
        { namespace: "other", name: "web", selector: { app: "web" } },
        { namespace: "shop", name: "headless" },
      ],
    }
    expect(spreadScores(objects, web("new"), existing())).toEqual(SKIPPED)
  })

  it("a pod with its own constraints ignores the defaults", () => {
    const objects: ClusterObjects = { services: [{ namespace: "shop", name: "web", selector: { app: "web" } }] }
    const own = web("new", { topologySpreadConstraints: [hard(1, ZONE, { matchLabels: { app: "web" } })] })
    // Only a hard constraint: PreScore skips (no ScheduleAnyway constraint, and the defaults are not used).
    expect(spreadScores(objects, own, existing())).toEqual({ n1: "infeasible", n2: "infeasible", n3: "skipped" })
  })

  it("List defaulting: a DoNotSchedule default constraint filters Service-selected pods", () => {
    const profile: Profile = {
      ...onlySpread,
      podTopologySpread: { defaultingType: "List", defaultConstraints: [{ maxSkew: 1, topologyKey: ZONE, whenUnsatisfiable: "DoNotSchedule" }] },
    }
    const objects: ClusterObjects = { services: [{ namespace: "shop", name: "web", selector: { app: "web" } }] }
    const s = readableScheduler({ nodes: threeNodes(), bound: existing(), ...objects }, { profile })
    // z1 holds 3, z2 0: only n3 keeps the skew ≤ 1.
    const placed = s.schedule(web("new"), { explain: true })
    expect(placed.node).toBe("n3")
    expect(placed.scores?.filter((e) => !e.feasible).map((e) => [e.node, e.reasons])).toEqual([
      ["n1", [REASON_SPREAD_CONSTRAINTS]],
      ["n2", [REASON_SPREAD_CONSTRAINTS]],
    ])
    // The same pod without a selecting Service is not constrained.
    const free = readableScheduler({ nodes: threeNodes(), bound: existing() }, { profile })
    expect(free.schedule(web("new"), { explain: true }).scores?.every((e) => e.feasible)).toBe(true)
  })

  it("List defaulting with no constraints: nothing is defaulted, even for a selected pod", () => {
    const objects: ClusterObjects = { services: [{ namespace: "shop", name: "web", selector: { app: "web" } }] }
    expect(spreadScores(objects, web("new"), existing(), { ...onlySpread, podTopologySpread: { defaultingType: "List", defaultConstraints: [] } })).toEqual(SKIPPED)
  })

  it("System defaulting keeps nodes without a zone label (hostname spreading still applies)", () => {
    // n3 has no zone: it is not ignored; the zone constraint registers the domain "" but gives n3 no term.
    const nodes = [HZ("n1", "z1"), HZ("n2", "z1"), HZ("n3", undefined)]
    const s = readableScheduler({ nodes, bound: existing(), services: [{ namespace: "shop", name: "web", selector: { app: "web" } }] }, { profile: onlySpread })
    const placed = s.schedule(web("new"), { explain: true })
    // hostname w = ln 5, zone domains {z1, ""}: w = ln 4, counts z1 = 3, "" = 0.
    // n1: round(2·1.609 + 2 + 3·1.386 + 4) = 13; n2: 12; n3: round(0 + 2) = 2 (no zone label, no zone term).
    // Normalised: max 13, min 2 → ⌊100·(15 − s)/13⌋ = 15, 23, 100.
    expect(Object.fromEntries((placed.scores ?? []).map((e) => [e.node, e.plugins.PodTopologySpread]))).toEqual({ n1: 15, n2: 23, n3: 100 })
    expect(placed.scores?.length).toBe(3)
    expect(placed.node).toBe("n3")
  })
})

describe("preemption with spread constraints (AddPod / RemovePod through the framework)", () => {
  // n1 (z1) holds two low-priority web pods; n2 (z2) is tainted, so the pod cannot go there, but
  // zone z2 still counts (taints policy Ignore) with 0 matching pods: the global minimum is 0.
  const nodes = () => [mkNode("n1", { [HOST]: "n1", [ZONE]: "z1" }), mkNode("n2", { [HOST]: "n2", [ZONE]: "z2" }, [{ key: "dedicated", value: "x", effect: "NoSchedule" }])]
  const low = (name: string, labels: Labels) => ({ node: "n1", pod: pod(`shop/${name}`, { cpu: 100 }, { labels, priority: 1 }) })
  const bound = () => [low("w-0", { app: "web" }), low("w-1", { app: "web" }), low("other", { app: "db" })]
  const urgent = (maxSkew: number) =>
    pod("shop/urgent", { cpu: 100 }, { labels: { app: "web" }, priority: 100, topologySpreadConstraints: [hard(maxSkew, ZONE, { matchLabels: { app: "web" } })] })
  const profile: Profile = { ...defaultProfile, filters: ["TaintToleration", "PodTopologySpread"], weights: {} }

  it("maxSkew 2: one matching victim makes the constraint satisfiable; the others are reprieved", () => {
    // Without victims: z1 2 + 1 − 0 = 3 > 2. All lower-priority pods removed: 0 + 1 ≤ 2. Reprieve
    // (most important first, then by start): w-0 back → 1 + 1 = 2 ≤ 2 kept; w-1 back → 3 > 2 victim;
    // other (app=db) back → still 2, kept.
    const s = readableScheduler({ nodes: nodes(), bound: bound() }, { profile })
    const placed = s.schedule(urgent(2))
    expect(placed).toMatchObject({ node: "n1", victims: ["shop/w-1"] })
    expect(placed.message).toContain("node(s) didn't match pod topology spread constraints")
  })

  it("maxSkew 1: both matching pods are victims", () => {
    const s = readableScheduler({ nodes: nodes(), bound: bound() }, { profile })
    expect(s.schedule(urgent(1))).toMatchObject({ node: "n1", victims: ["shop/w-0", "shop/w-1"] })
  })

  it("no preemption when the missing label makes the node unresolvable", () => {
    const s = readableScheduler({ nodes: [mkNode("n1", { [HOST]: "n1" })], bound: [{ node: "n1", pod: pod("shop/w", { cpu: 100 }, { labels: { app: "web" } }) }] }, { profile })
    const placed = s.schedule(urgent(1))
    expect(placed.node).toBeNull()
    expect(placed.message).toBe(
      "0/1 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing required label). no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    )
  })
})

describe("issue 9: two pods with maxSkew 1 on zone over 3 nodes in two zones land in both zones", () => {
  for (const [name, profile] of [
    ["default profile", defaultProfile],
    ["only PodTopologySpread", onlySpread],
  ] as const) {
    it(name, () => {
      const s = readableScheduler({ nodes: threeNodes(), bound: [] }, { profile })
      const mk = (n: string) => pod(`default/${n}`, { cpu: 100 }, { labels: { app: "web" }, topologySpreadConstraints: [hard(1, ZONE, { matchLabels: { app: "web" } })] })
      const zoneOf = (n: string | null) => (n === "n3" ? "z2" : "z1")
      const first = s.schedule(mk("w1"))
      const second = s.schedule(mk("w2"), { explain: true })
      expect(new Set([zoneOf(first.node), zoneOf(second.node)])).toEqual(new Set(["z1", "z2"]))
      // The second pod sees exactly the other zone's nodes as feasible.
      const feasible = (second.scores ?? []).filter((e) => e.feasible).map((e) => zoneOf(e.node))
      expect(new Set(feasible)).toEqual(new Set([zoneOf(first.node) === "z1" ? "z2" : "z1"]))
    })
  }
})
