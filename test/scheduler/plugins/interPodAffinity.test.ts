/**
 * InterPodAffinity against kube-scheduler v1.35's own test tables (filtering_test.go,
 * scoring_test.go), restated in the model's terms: each case keeps upstream's name, nodes,
 * existing pods, incoming pod and expected statuses / normalised scores. Upstream's empty
 * namespace "" is "default" here. Then cases upstream's tables do not spell out
 * (matchLabelKeys, hardPodAffinityWeight and ignorePreferredTermsOfExistingPods beyond the
 * defaults, PreScore over infeasible nodes), preemption clearing anti-affinity conflicts, and the
 * issue's end-to-end cases through the readable σ with the full default profile.
 */
import { describe, expect, it } from "vitest"
import { type ClusterView, clusterView } from "../../../src/scheduler/framework/ClusterView.ts"
import {
  affinityTermMatches,
  compileAffinityTerm,
  defaultProfile,
  type InterPodAffinityArgs,
  interPodAffinityFilter,
  interPodAffinityFilterPlugin,
  interPodAffinityPreFilter,
  interPodAffinityPreFilterState,
  interPodAffinityPreScore,
  interPodAffinityScore,
  type LabelSelectorRequirement,
  type Labels,
  type NamespaceInfo,
  node,
  normalizeInterPodAffinityScores,
  pod,
  type PodAffinityTerm,
  type Profile,
  readableScheduler,
  REASON_EXISTING_ANTI_AFFINITY,
  REASON_POD_AFFINITY,
  REASON_POD_ANTI_AFFINITY,
  type SchedulingNode,
  type SchedulingPod,
  type Status,
  type TopologyCounts,
  type WeightedPodAffinityTerm,
} from "../../../src/scheduler/index.ts"
import { addPod, boundPod, nodeState } from "../../../src/scheduler/readable/NodeState.ts"

const Gi = 2 ** 30

// --- builders --------------------------------------------------------------------------------

const req = (key: string, operator: LabelSelectorRequirement["operator"], ...values: string[]): LabelSelectorRequirement => ({ key, operator, values })

/** A term over `topologyKey` whose selector ANDs the requirements; its own namespace. */
const term = (topologyKey: string, ...reqs: LabelSelectorRequirement[]): PodAffinityTerm => ({
  labelSelector: { matchExpressions: reqs },
  namespaces: [],
  topologyKey,
})
const weighted = (weight: number, t: PodAffinityTerm): WeightedPodAffinityTerm => ({ weight, term: t })

interface PodSpec {
  readonly ns?: string
  readonly labels?: Labels
  readonly aff?: ReadonlyArray<PodAffinityTerm>
  readonly anti?: ReadonlyArray<PodAffinityTerm>
  readonly prefAff?: ReadonlyArray<WeightedPodAffinityTerm>
  readonly prefAnti?: ReadonlyArray<WeightedPodAffinityTerm>
  readonly priority?: number
  readonly cpu?: number
}

let serial = 0
/** A pod; `name` optional (upstream's pods are mostly anonymous). */
const P = (spec: PodSpec = {}, name = `p${serial++}`): SchedulingPod => {
  const ns = spec.ns ?? "default"
  const affinity = spec.aff !== undefined || spec.prefAff !== undefined ? { required: spec.aff ?? [], preferred: spec.prefAff ?? [] } : undefined
  const anti = spec.anti !== undefined || spec.prefAnti !== undefined ? { required: spec.anti ?? [], preferred: spec.prefAnti ?? [] } : undefined
  return pod(`${ns}/${name}`, spec.cpu === undefined ? {} : { cpu: spec.cpu }, {
    namespace: ns,
    ...(spec.labels === undefined ? {} : { labels: spec.labels }),
    ...(affinity === undefined ? {} : { podAffinity: affinity }),
    ...(anti === undefined ? {} : { podAntiAffinity: anti }),
    ...(spec.priority === undefined ? {} : { priority: spec.priority }),
  })
}

const N = (name: string, labels: Labels): SchedulingNode => node(name, { cpu: 4000, memory: 8 * Gi, pods: 110 }, { labels })

// The namespaces upstream's informers hold.
const TEAMS: ReadonlyArray<NamespaceInfo> = [
  { name: "subteam1.team1", labels: { team: "team1" } },
  { name: "subteam2.team1", labels: { team: "team1" } },
  { name: "subteam1.team2", labels: { team: "team2" } },
  { name: "subteam2.team2", labels: { team: "team2" } },
]

/** A cluster view over nodes and [pod, node name] bindings. */
const viewOf = (
  nodes: ReadonlyArray<SchedulingNode>,
  bound: ReadonlyArray<readonly [SchedulingPod, string]>,
  namespaces: ReadonlyArray<NamespaceInfo> = TEAMS,
): ClusterView => {
  const states = nodes.map(nodeState)
  bound.forEach(([p, at], i) => {
    const s = states.find((x) => x.node.name === at)
    if (s === undefined) throw new Error(`no node ${at}`)
    addPod(s, boundPod(i, p, i, -1))
  })
  return clusterView(states, { namespaces })
}

type Want = "ok" | "affinity" | "anti" | "existing"
const STATUS: Readonly<Record<Want, Status>> = {
  ok: { code: "Success", reasons: [] },
  affinity: { code: "UnschedulableAndUnresolvable", reasons: [REASON_POD_AFFINITY] },
  anti: { code: "Unschedulable", reasons: [REASON_POD_ANTI_AFFINITY] },
  existing: { code: "Unschedulable", reasons: [REASON_EXISTING_ANTI_AFFINITY] },
}

interface FilterCase {
  readonly name: string
  readonly pod: SchedulingPod
  readonly pods?: ReadonlyArray<readonly [SchedulingPod, string]>
  readonly nodes: ReadonlyArray<SchedulingNode>
  /** Nodes only in the snapshot (their pods count), not filtered. */
  readonly extraNodes?: ReadonlyArray<SchedulingNode>
  readonly namespaces?: ReadonlyArray<NamespaceInfo>
  /** PreFilter skips, or each node's Filter status. */
  readonly want: "skip" | ReadonlyArray<Want>
}

const runFilterCase = (c: FilterCase): "skip" | ReadonlyArray<Status> => {
  const view = viewOf([...c.nodes, ...(c.extraNodes ?? [])], c.pods ?? [], c.namespaces)
  const out = interPodAffinityPreFilter(c.pod, view)
  if (out.kind === "skip") return "skip"
  if (out.kind === "reject") throw new Error("InterPodAffinity never rejects at PreFilter")
  return c.nodes.map((n) => interPodAffinityFilter(out.state, n))
}

const expectFilterCases = (cases: ReadonlyArray<FilterCase>): void => {
  for (const c of cases) {
    it(c.name, () => {
      expect(runFilterCase(c)).toEqual(c.want === "skip" ? "skip" : c.want.map((w) => STATUS[w]))
    })
  }
}

// --- filtering_test.go: TestRequiredAffinitySingleNode --------------------------------------

describe("Filter, one node (upstream TestRequiredAffinitySingleNode)", () => {
  const service = { service: "securityscan" }
  const security = { security: "S1" }
  const node1 = N("node1", { region: "r1", zone: "z11" })
  const existing = P({ labels: service }, "existing")
  const one = (c: Omit<FilterCase, "nodes">): FilterCase => ({ ...c, nodes: [node1] })
  const securityIn = term("region", req("service", "In", "securityscan", "value2"))

  expectFilterCases([
    one({ name: "no required pod affinity, no existing pods: PreFilter skips", pod: P(), want: "skip" }),
    one({
      name: "satisfies required affinity (In) matching the existing pod",
      pod: P({ labels: security, aff: [securityIn] }),
      pods: [[existing, "node1"]],
      want: ["ok"],
    }),
    one({
      name: "satisfies required affinity (NotIn) matching the existing pod",
      pod: P({ labels: security, aff: [term("region", req("service", "NotIn", "securityscan3", "value3"))] }),
      pods: [[existing, "node1"]],
      want: ["ok"],
    }),
    one({
      name: "does not satisfy affinity: the term looks in another namespace",
      pod: P({ labels: security, aff: [{ labelSelector: { matchExpressions: [req("service", "In", "securityscan", "value2")] }, namespaces: ["DiffNameSpace"], topologyKey: "" }] }),
      pods: [[P({ ns: "ns", labels: service }), "node1"]],
      want: ["affinity"],
    }),
    one({
      name: "does not satisfy affinity: the selector matches no existing pod",
      pod: P({ labels: service, aff: [term("", req("service", "In", "antivirusscan", "value2"))] }),
      pods: [[existing, "node1"]],
      want: ["affinity"],
    }),
    one({
      name: "satisfies two required terms with different operators",
      pod: P({
        labels: security,
        aff: [
          term("region", req("service", "Exists"), req("wrongkey", "DoesNotExist")),
          term("region", req("service", "In", "securityscan"), req("service", "NotIn", "WrongValue")),
        ],
      }),
      pods: [[existing, "node1"]],
      want: ["ok"],
    }),
    one({
      name: "a selector's requirements are ANDed: one fails, so does the term",
      pod: P({
        labels: security,
        aff: [
          term("region", req("service", "Exists"), req("wrongkey", "DoesNotExist")),
          term("region", req("service", "In", "securityscan2"), req("service", "NotIn", "WrongValue")),
        ],
      }),
      pods: [[existing, "node1"]],
      want: ["affinity"],
    }),
    one({
      name: "satisfies affinity and anti-affinity with the existing pod",
      pod: P({ labels: security, aff: [securityIn], anti: [term("node", req("service", "In", "antivirusscan", "value2"))] }),
      pods: [[existing, "node1"]],
      want: ["ok"],
    }),
    one({
      name: "satisfies affinity, anti-affinity and the existing pod's anti-affinity",
      pod: P({ labels: security, aff: [securityIn], anti: [term("node", req("service", "In", "antivirusscan", "value2"))] }),
      pods: [[P({ labels: service, anti: [term("node", req("service", "In", "antivirusscan", "value2"))] }), "node1"]],
      want: ["ok"],
    }),
    one({
      name: "satisfies affinity but not anti-affinity",
      pod: P({ labels: security, aff: [securityIn], anti: [term("zone", req("service", "In", "securityscan", "value2"))] }),
      pods: [[existing, "node1"]],
      want: ["anti"],
    }),
    one({
      name: "satisfies affinity and anti-affinity but not the existing pod's anti-affinity (symmetry)",
      pod: P({ labels: service, aff: [securityIn], anti: [term("node", req("service", "In", "antivirusscan", "value2"))] }),
      pods: [[P({ labels: service, anti: [term("zone", req("service", "In", "securityscan", "value2"))] }), "node1"]],
      want: ["existing"],
    }),
    {
      name: "pod matches neither its own NotIn term nor does any existing pod",
      pod: P({ labels: service, aff: [term("region", req("service", "NotIn", "securityscan", "value2"))] }),
      pods: [[P({ labels: service }), "node2"]],
      nodes: [node1],
      extraNodes: [N("node2", {})],
      want: ["affinity"],
    },
    one({
      name: "an existing pod's anti-affinity applies to a pod without any (symmetry fails)",
      pod: P({ labels: service }),
      pods: [[P({ labels: service, anti: [term("zone", req("service", "In", "securityscan", "value2"))] }), "node1"]],
      want: ["existing"],
    }),
    one({
      name: "an existing pod's anti-affinity that does not select the pod: PreFilter skips",
      pod: P({ labels: service }),
      pods: [[P({ labels: service, anti: [term("zone", req("service", "NotIn", "securityscan", "value2"))] }), "node1"]],
      want: "skip",
    }),
    one({
      name: "the pod's anti-affinity fails before the existing pod's (order of the checks)",
      pod: P({ labels: service, anti: [term("region", req("service", "Exists")), term("region", req("security", "Exists"))] }),
      pods: [[P({ labels: security, anti: [term("zone", req("security", "Exists"))] }), "node1"]],
      want: ["anti"],
    }),
    one({
      name: "anti-affinity symmetry a1: partial matches each way",
      pod: P({ labels: service, anti: [term("zone", req("service", "Exists")), term("zone", req("security", "Exists"))] }),
      pods: [[P({ labels: security, anti: [term("zone", req("security", "Exists"))] }), "node1"]],
      want: ["anti"],
    }),
    one({
      name: "anti-affinity symmetry a2: partial matches each way",
      pod: P({ labels: security, anti: [term("zone", req("security", "Exists"))] }),
      pods: [[P({ labels: service, anti: [term("zone", req("service", "Exists")), term("zone", req("security", "Exists"))] }), "node1"]],
      want: ["existing"],
    }),
    one({
      name: "anti-affinity symmetry b1: partial matches each way",
      pod: P({ labels: { abc: "", xyz: "" }, anti: [term("zone", req("abc", "Exists")), term("zone", req("def", "Exists"))] }),
      pods: [[P({ labels: { def: "", xyz: "" }, anti: [term("zone", req("abc", "Exists")), term("zone", req("def", "Exists"))] }), "node1"]],
      want: ["anti"],
    }),
    one({
      name: "anti-affinity symmetry b2: partial matches each way",
      pod: P({ labels: { def: "", xyz: "" }, anti: [term("zone", req("abc", "Exists")), term("zone", req("def", "Exists"))] }),
      pods: [[P({ labels: { abc: "", xyz: "" }, anti: [term("zone", req("abc", "Exists")), term("zone", req("def", "Exists"))] }), "node1"]],
      want: ["anti"],
    }),
    one({
      name: "affinity with a namespaceSelector matching the existing pod's namespace",
      pod: P({ labels: security, aff: [{ ...securityIn, namespaceSelector: { matchExpressions: [req("team", "In", "team1")] } }] }),
      pods: [[P({ ns: "subteam1.team1", labels: service }), "node1"]],
      want: ["ok"],
    }),
    one({
      name: "affinity with a namespaceSelector not matching the existing pod's namespace",
      pod: P({ labels: security, aff: [{ ...securityIn, namespaceSelector: { matchExpressions: [req("team", "In", "team1")] } }] }),
      pods: [[P({ ns: "subteam1.team2", labels: service }), "node1"]],
      want: ["affinity"],
    }),
    one({
      name: "anti-affinity with a matching namespaceSelector",
      pod: P({
        ns: "subteam1.team1",
        labels: security,
        anti: [{ ...term("zone", req("service", "In", "securityscan", "value2")), namespaceSelector: { matchExpressions: [req("team", "In", "team1")] } }],
      }),
      pods: [[P({ ns: "subteam2.team1", labels: service }), "node1"]],
      want: ["anti"],
    }),
    one({
      name: "anti-affinity with the empty namespaceSelector (every namespace)",
      pod: P({ ns: "subteam1.team1", labels: security, anti: [{ ...term("zone", req("service", "In", "securityscan", "value2")), namespaceSelector: {} }] }),
      pods: [[P({ ns: "subteam2.team1", labels: service }), "node1"]],
      want: ["anti"],
    }),
    one({
      name: "anti-affinity with a non-matching namespaceSelector",
      pod: P({
        ns: "subteam1.team1",
        labels: security,
        anti: [{ ...term("zone", req("service", "In", "securityscan", "value2")), namespaceSelector: { matchExpressions: [req("team", "In", "team1")] } }],
      }),
      pods: [[P({ ns: "subteam1.team2", labels: service }), "node1"]],
      want: ["ok"],
    }),
  ])
})

// --- filtering_test.go: TestRequiredAffinityMultipleNodes ------------------------------------

describe("Filter, several nodes (upstream TestRequiredAffinityMultipleNodes)", () => {
  const china = { region: "China" }
  const chinaAz1 = { region: "China", az: "az1" }
  const india = { region: "India" }
  const ab = (zoneB: string) => [N("nodeA", { region: "r1", zone: "z1", hostname: "nodeA" }), N("nodeB", { region: "r1", zone: zoneB, hostname: "nodeB" })]
  const fooBar = { foo: "", bar: "" }

  expectFilterCases([
    {
      name: "every node in the domain of a matching pod fits, other domains do not",
      pod: P({ aff: [term("region", req("foo", "In", "bar"))] }),
      pods: [[P({ labels: { foo: "bar" } }), "node1"]],
      nodes: [N("node1", china), N("node2", chinaAz1), N("node3", india)],
      want: ["ok", "ok", "affinity"],
    },
    {
      name: "the first pod of a group with affinity to itself is not blocked",
      pod: P({ labels: { foo: "bar", service: "securityscan" }, aff: [term("zone", req("foo", "In", "bar")), term("zone", req("service", "In", "securityscan"))] }),
      pods: [[P({ labels: { foo: "bar" } }), "nodeA"]],
      nodes: [N("nodeA", { zone: "az1", hostname: "h1" }), N("nodeB", { zone: "az2", hostname: "h2" })],
      want: ["ok", "ok"],
    },
    {
      name: "the first pod of a group still needs nodes with the topology keys",
      pod: P({ labels: { foo: "bar", service: "securityscan" }, aff: [term("zone", req("foo", "In", "bar")), term("zone", req("service", "In", "securityscan"))] }),
      pods: [[P({ labels: { foo: "bar" } }), "nodeA"]],
      nodes: [N("nodeA", { zoneLabel: "az1", hostname: "h1" }), N("nodeB", { zoneLabel: "az2", hostname: "h2" })],
      want: ["affinity", "affinity"],
    },
    {
      name: "anti-affinity rules out every node of the matching pod's domain",
      pod: P({ anti: [term("region", req("foo", "In", "abc"))] }),
      pods: [[P({ labels: { foo: "abc" } }), "nodeA"]],
      nodes: [N("nodeA", { region: "r1", hostname: "nodeA" }), N("nodeB", { region: "r1", hostname: "nodeB" })],
      want: ["anti", "anti"],
    },
    {
      name: "anti-affinity matches a pod when any of its terms matches",
      pod: P({ anti: [term("region", req("foo", "In", "abc")), term("zone", req("service", "In", "securityscan"))] }),
      pods: [[P({ labels: { foo: "abc", service: "securityscan" } }), "nodeA"]],
      nodes: ab("z2"),
      want: ["anti", "anti"],
    },
    {
      name: "anti-affinity: the other region fits",
      pod: P({ anti: [term("region", req("foo", "In", "abc"))] }),
      pods: [[P({ labels: { foo: "abc" } }), "nodeA"]],
      nodes: [N("nodeA", china), N("nodeB", chinaAz1), N("nodeC", india)],
      want: ["anti", "anti", "ok"],
    },
    {
      name: "anti-affinity of an existing pod in another namespace does not apply",
      pod: P({ ns: "NS1", labels: { foo: "123" }, anti: [term("region", req("foo", "In", "bar"))] }),
      pods: [
        [P({ ns: "NS1", labels: { foo: "bar" } }), "nodeA"],
        [P({ ns: "NS2", anti: [term("region", req("foo", "In", "123"))] }), "nodeC"],
      ],
      nodes: [N("nodeA", china), N("nodeB", chinaAz1), N("nodeC", india)],
      namespaces: [{ name: "NS1", labels: {} }],
      want: ["anti", "anti", "ok"],
    },
    {
      name: "an existing pod's term over a key no node has counts nowhere: PreFilter skips",
      pod: P({ labels: { foo: "" } }),
      pods: [[P({ anti: [term("invalid-node-label", req("foo", "Exists"))] }), "nodeA"]],
      nodes: [N("nodeA", { region: "r1", zone: "z1", hostname: "nodeA" }), N("nodeB", { region: "r1", zone: "z1", hostname: "nodeB" })],
      want: "skip",
    },
    {
      name: "the pod's anti-affinity term over a key no node has excludes nothing",
      pod: P({ anti: [term("invalid-node-label", req("foo", "Exists"))] }),
      pods: [[P({ labels: { foo: "" } }), "nodeA"]],
      nodes: [N("nodeA", { region: "r1", zone: "z1", hostname: "nodeA" }), N("nodeB", { region: "r1", zone: "z1", hostname: "nodeB" })],
      want: ["ok", "ok"],
    },
    {
      name: "existing pods' anti-affinity: each violated term rules out its domain",
      pod: P({ labels: fooBar }),
      pods: [
        [P({ anti: [term("zone", req("foo", "Exists"))] }), "nodeA"],
        [P({ anti: [term("region", req("bar", "Exists"))] }), "nodeA"],
      ],
      nodes: ab("z2"),
      want: ["existing", "existing"],
    },
    {
      name: "the pod's anti-affinity: violating one term rules out its domain",
      pod: P({ anti: [term("zone", req("foo", "Exists")), term("region", req("bar", "Exists"))] }),
      pods: [
        [P({ labels: { foo: "" } }), "nodeA"],
        [P({ labels: { bar: "" } }), "nodeB"],
      ],
      nodes: ab("z2"),
      want: ["anti", "anti"],
    },
    {
      name: "existing pod's anti-affinity: a term counts only with both selector and key (one key missing)",
      pod: P({ labels: fooBar }),
      pods: [[P({ anti: [term("invalid-node-label", req("foo", "Exists")), term("zone", req("bar", "Exists"))] }), "nodeA"]],
      nodes: ab("z2"),
      want: ["existing", "ok"],
    },
    {
      name: "the pod's anti-affinity: a term counts only with both selector and key (one key missing)",
      pod: P({ anti: [term("invalid-node-label", req("foo", "Exists")), term("zone", req("bar", "Exists"))] }),
      pods: [[P({ labels: fooBar }), "nodeA"]],
      nodes: ab("z2"),
      want: ["anti", "ok"],
    },
    {
      name: "existing pod's anti-affinity: both terms with valid keys",
      pod: P({ labels: fooBar }),
      pods: [[P({ anti: [term("region", req("foo", "Exists")), term("zone", req("bar", "Exists"))] }), "nodeA"]],
      nodes: ab("z2"),
      want: ["existing", "existing"],
    },
    {
      name: "the pod's anti-affinity: both terms with valid keys",
      pod: P({ anti: [term("region", req("foo", "Exists")), term("zone", req("bar", "Exists"))] }),
      pods: [[P({ labels: fooBar }), "nodeA"]],
      nodes: ab("z2"),
      want: ["anti", "anti"],
    },
    {
      name: "existing pods on nodeA and nodeB each have a term selecting the pod: only nodeC",
      pod: P({ labels: fooBar }),
      pods: [
        [P({ anti: [term("zone", req("foo", "Exists")), term("zone", req("labelA", "Exists"))] }), "nodeA"],
        [P({ anti: [term("zone", req("bar", "Exists")), term("zone", req("labelB", "Exists"))] }), "nodeB"],
      ],
      nodes: [...ab("z2"), N("nodeC", { region: "r1", zone: "z3", hostname: "nodeC" })],
      want: ["existing", "existing", "ok"],
    },
    {
      name: "the pod's affinity: one pod matching all terms, then every key checked",
      pod: P({ aff: [term("region", req("foo", "Exists")), term("zone", req("bar", "Exists"))] }),
      pods: [[P({ labels: fooBar }), "nodeA"]],
      nodes: ab("z1"),
      want: ["ok", "ok"],
    },
    {
      name: "the pod's affinity: the terms must be matched by the same pod",
      pod: P({ aff: [term("region", req("foo", "Exists")), term("zone", req("bar", "Exists"))] }),
      pods: [
        [P({ labels: { foo: "" } }), "nodeA"],
        [P({ labels: { bar: "" } }), "nodeB"],
      ],
      nodes: ab("z2"),
      want: ["affinity", "affinity"],
    },
  ])
})

// --- filtering_test.go: TestGetTPMapMatchingIncomingAffinityAntiAffinity and AddRemovePod -----

const flat = (counts: TopologyCounts): Record<string, number> => {
  const out: Record<string, number> = {}
  for (const [k, byValue] of counts) for (const [v, c] of byValue) out[`${k}=${v}`] = c
  return out
}

describe("PreFilter counts (upstream TestGetTPMapMatchingIncomingAffinityAntiAffinity)", () => {
  const nodeA = N("nodeA", { hostname: "nodeA" })
  const podA = P({ labels: { aaa: "" } })
  const podB = P({ labels: { bbb: "" } })
  const podAB = P({ labels: { aaa: "", bbb: "" } })
  const cases: ReadonlyArray<{ name: string; existing: SchedulingPod[]; pod: SchedulingPod; affinity: Record<string, number>; anti: Record<string, number> }> = [
    { name: "nil test", existing: [], pod: P(), affinity: {}, anti: {} },
    { name: "incoming pod without affinity/anti-affinity: no-op", existing: [podA], pod: P(), affinity: {}, anti: {} },
    {
      name: "no pod has a label the incoming pod's terms select",
      existing: [podB],
      pod: P({ aff: [term("hostname", req("aaa", "Exists"))], anti: [term("hostname", req("aaa", "Exists"))] }),
      affinity: {},
      anti: {},
    },
    {
      name: "existing pod matches affinity and anti-affinity, single term",
      existing: [podA],
      pod: P({ aff: [term("hostname", req("aaa", "Exists"))], anti: [term("hostname", req("aaa", "Exists"))] }),
      affinity: { "hostname=nodeA": 1 },
      anti: { "hostname=nodeA": 1 },
    },
    {
      name: "existing pod matches affinity (two terms: counted once per term) and anti-affinity",
      existing: [podAB],
      pod: P({ aff: [term("hostname", req("aaa", "Exists")), term("hostname", req("bbb", "Exists"))], anti: [term("hostname", req("aaa", "Exists"))] }),
      affinity: { "hostname=nodeA": 2 },
      anti: { "hostname=nodeA": 1 },
    },
    {
      name: "existing pod does not match all affinity terms but matches anti-affinity",
      existing: [podA],
      pod: P({
        aff: [term("hostname", req("aaa", "Exists")), term("hostname", req("bbb", "Exists"))],
        anti: [term("hostname", req("aaa", "Exists")), term("hostname", req("bbb", "Exists"))],
      }),
      affinity: {},
      anti: { "hostname=nodeA": 1 },
    },
    {
      name: "anti-affinity with two terms, the existing pod violates one (case 1)",
      existing: [podAB],
      pod: P({
        aff: [term("hostname", req("aaa", "Exists")), term("hostname", req("ccc", "Exists"))],
        anti: [term("hostname", req("aaa", "Exists")), term("hostname", req("ccc", "Exists"))],
      }),
      affinity: {},
      anti: { "hostname=nodeA": 1 },
    },
    {
      name: "anti-affinity with two terms, the existing pod violates one (case 2)",
      existing: [podB],
      pod: P({
        aff: [term("hostname", req("aaa", "Exists")), term("hostname", req("bbb", "Exists"))],
        anti: [term("hostname", req("aaa", "Exists")), term("hostname", req("bbb", "Exists"))],
      }),
      affinity: {},
      anti: { "hostname=nodeA": 1 },
    },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const s = interPodAffinityPreFilterState(c.pod, viewOf([nodeA], c.existing.map((p) => [p, "nodeA"] as const)))
      expect({ affinity: flat(s.affinityCounts), anti: flat(s.antiAffinityCounts) }).toEqual({ affinity: c.affinity, anti: c.anti })
    })
  }
})

describe("PreFilter state with a pod added / removed (upstream TestPreFilterStateAddRemovePod)", () => {
  // The readable σ has no AddPod/RemovePod: preemption re-runs PreFilter on a view without the
  // victims. So the state over existing ∪ {added} must be upstream's state after AddPod, and the
  // state over existing alone the one after RemovePod.
  const nodes = [N("nodeA", { region: "r1", zone: "z11" }), N("nodeB", { region: "r1", zone: "z12" }), N("nodeC", { region: "r2", zone: "z21" })]
  const fooBar = { foo: "bar" }
  const antiFooBar = [term("region", req("foo", "In", "bar"))]
  const complex = [term("region", req("foo", "In", "bar", "buzz")), term("zone", req("service", "NotIn", "bar", "security", "test"))]
  const cases = [
    {
      name: "anti-affinity counts after adding and removing a pod",
      pending: P({ labels: fooBar, anti: antiFooBar }),
      existing: [[P({ labels: fooBar }), "nodeA"], [P({ anti: antiFooBar }), "nodeC"]] as const,
      added: [P({ labels: fooBar, anti: antiFooBar }), "nodeB"] as const,
      before: { anti: { "region=r1": 1 }, affinity: {}, existing: { "region=r2": 1 } },
      after: { anti: { "region=r1": 2 }, affinity: {}, existing: { "region=r2": 1, "region=r1": 1 } },
    },
    {
      name: "anti-affinity counts with two terms after adding and removing a pod",
      pending: P({ labels: fooBar, anti: complex }),
      existing: [[P({ labels: fooBar }), "nodeA"], [P({ anti: antiFooBar }), "nodeC"]] as const,
      added: [P({ labels: fooBar, anti: complex }), "nodeA"] as const,
      before: { anti: { "region=r1": 1, "zone=z11": 1, "zone=z21": 1 }, affinity: {}, existing: { "region=r2": 1 } },
      after: { anti: { "region=r1": 2, "zone=z11": 2, "zone=z21": 1 }, affinity: {}, existing: { "region=r2": 1, "region=r1": 1, "zone=z11": 1 } },
    },
    {
      name: "affinity and anti-affinity counts after adding and removing a pod",
      pending: P({ labels: fooBar, aff: complex }),
      existing: [[P({ labels: fooBar }), "nodeA"], [P({ anti: antiFooBar, aff: complex }), "nodeC"]] as const,
      added: [P({ labels: fooBar, anti: complex }), "nodeA"] as const,
      before: { anti: {}, affinity: { "region=r1": 1, "zone=z11": 1 }, existing: { "region=r2": 1 } },
      after: { anti: {}, affinity: { "region=r1": 2, "zone=z11": 2 }, existing: { "region=r2": 1, "region=r1": 1, "zone=z11": 1 } },
    },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const counts = (bound: ReadonlyArray<readonly [SchedulingPod, string]>) => {
        const s = interPodAffinityPreFilterState(c.pending, viewOf(nodes, bound))
        return { anti: flat(s.antiAffinityCounts), affinity: flat(s.affinityCounts), existing: flat(s.existingAntiAffinityCounts) }
      }
      expect(counts([...c.existing, c.added])).toEqual(c.after)
      expect(counts(c.existing)).toEqual(c.before)
    })
  }
})

// --- scoring_test.go: TestPreferredAffinity, TestPreferredAffinityWithHardPodAffinitySymmetricWeight

interface ScoreCase {
  readonly name: string
  readonly pod: SchedulingPod
  readonly pods?: ReadonlyArray<readonly [SchedulingPod, string]>
  readonly nodes: ReadonlyArray<SchedulingNode>
  readonly args?: Partial<InterPodAffinityArgs>
  /** PreScore skips, or the normalised score of each node. */
  readonly want: "skip" | ReadonlyArray<number>
}

const DEFAULT_ARGS: InterPodAffinityArgs = { hardPodAffinityWeight: 1, ignorePreferredTermsOfExistingPods: false }

const runScoreCase = (c: ScoreCase): "skip" | ReadonlyArray<number> => {
  const view = viewOf(c.nodes, c.pods ?? [])
  const out = interPodAffinityPreScore(c.pod, view, { ...DEFAULT_ARGS, ...c.args })
  if (out.kind === "skip") return "skip"
  const scores = c.nodes.map((n) => interPodAffinityScore(out.state, n))
  normalizeInterPodAffinityScores(scores)
  return scores
}

const expectScoreCases = (cases: ReadonlyArray<ScoreCase>): void => {
  for (const c of cases) it(c.name, () => expect(runScoreCase(c)).toEqual(c.want))
}

describe("Score (upstream TestPreferredAffinity)", () => {
  const china = { region: "China" }
  const india = { region: "India" }
  const az1 = { az: "az1" }
  const az2 = { az: "az2" }
  const chinaAz1 = { region: "China", az: "az1" }
  const S1 = { security: "S1" }
  const S2 = { security: "S2" }
  const stayWithS1InRegion = { prefAff: [weighted(5, term("region", req("security", "In", "S1")))] }
  const stayWithS2InRegion = { prefAff: [weighted(6, term("region", req("security", "In", "S2")))] }
  const affinity3 = {
    prefAff: [
      weighted(8, term("region", req("security", "NotIn", "S1"), req("security", "In", "S2"))),
      weighted(2, term("region", req("security", "Exists"), req("wrongkey", "DoesNotExist"))),
    ],
  }
  const hardAffinity = { aff: [term("region", req("security", "In", "S1", "value2")), term("region", req("security", "Exists"), req("wrongkey", "DoesNotExist"))] }
  const awayFromS1InAz = { prefAnti: [weighted(5, term("az", req("security", "In", "S1")))] }
  const awayFromS2InAz = { prefAnti: [weighted(5, term("az", req("security", "In", "S2")))] }
  const stayWithS1AwayFromS2 = { prefAff: [weighted(8, term("region", req("security", "In", "S1")))], prefAnti: [weighted(5, term("az", req("security", "In", "S2")))] }
  const team1Term: PodAffinityTerm = {
    labelSelector: { matchExpressions: [req("security", "In", "S1")] },
    namespaces: ["subteam2.team2"],
    namespaceSelector: { matchExpressions: [req("team", "In", "team1")] },
    topologyKey: "region",
  }
  const affinityNamespaceSelector = { prefAff: [weighted(5, team1Term)] }
  const antiAffinityNamespaceSelector = { prefAnti: [weighted(5, team1Term)] }
  const three = (a: Labels, b: Labels, c: Labels) => [N("node1", a), N("node2", b), N("node3", c)]
  const byNamespace = (incoming: PodSpec, thirdNamespace: string): ScoreCase => ({
    name: "",
    pod: P({ ...incoming, ns: "subteam1.team1", labels: S1 }),
    pods: [
      [P({ ns: "subteam1.team1", labels: S1 }), "node1"],
      [P({ ns: "subteam1.team1", labels: S1 }), "node1"],
      [P({ ns: thirdNamespace, labels: S1 }), "node1"],
      [P({ ns: "subteam2.team1", labels: S1 }), "node2"],
    ],
    nodes: [N("node1", china), N("node2", india)],
    want: [],
  })

  expectScoreCases([
    { name: "no affinity anywhere: PreScore skips", pod: P({ labels: S1 }), nodes: three(china, india, az1), want: "skip" },
    {
      name: "affinity: the node with the key and a matching pod scores highest",
      pod: P({ labels: S1, ...stayWithS1InRegion }),
      pods: [
        [P({ labels: S1 }), "node1"],
        [P({ labels: S2 }), "node2"],
        [P({ labels: S1 }), "node3"],
      ],
      nodes: three(china, india, az1),
      want: [100, 0, 0],
    },
    {
      name: "all nodes of the matching pod's domain score the same",
      pod: P(stayWithS1InRegion),
      pods: [[P({ labels: S1 }), "node1"]],
      nodes: three(china, chinaAz1, india),
      want: [100, 100, 0],
    },
    {
      name: "affinity: the region with more matching pods scores higher",
      pod: P({ labels: S1, ...stayWithS2InRegion }),
      pods: [
        [P({ labels: S2 }), "node1"],
        [P({ labels: S2 }), "node1"],
        [P({ labels: S2 }), "node2"],
        [P({ labels: S2 }), "node3"],
        [P({ labels: S2 }), "node4"],
        [P({ labels: S2 }), "node5"],
      ],
      nodes: [N("node1", china), N("node2", india), N("node3", china), N("node4", china), N("node5", india)],
      // China: 4 × 6 = 24, India: 2 × 6 = 12 → min 12, max 24.
      want: [100, 0, 100, 100, 0],
    },
    {
      name: "affinity: different operators and values, some terms failing",
      pod: P({ labels: S1, ...affinity3 }),
      pods: [
        [P({ labels: S1 }), "node1"],
        [P({ labels: S2 }), "node2"],
        [P({ labels: S1 }), "node3"],
      ],
      nodes: three(china, india, az1),
      // China: S1 matches only the weight-2 term → 2; India: S2 both → 10; node3 has no region → 0.
      // int64(100 × (2 − 0) / 10) = 20.
      want: [20, 100, 0],
    },
    {
      name: "affinity symmetry: existing pods' preferred affinity",
      pod: P({ labels: S2 }),
      pods: [
        [P({ labels: S1, ...stayWithS1InRegion }), "node1"],
        [P({ labels: S2, ...stayWithS2InRegion }), "node2"],
      ],
      nodes: three(china, india, az1),
      want: [0, 100, 0],
    },
    {
      name: "affinity symmetry with a namespace selector (the incoming pod's namespace labels)",
      pod: P({ ns: "subteam1.team1", labels: S1 }),
      pods: [
        [P({ labels: S1, ...affinityNamespaceSelector }), "node1"],
        [P({ labels: S2, ...stayWithS2InRegion }), "node2"],
      ],
      nodes: three(china, india, az1),
      want: [100, 0, 0],
    },
    {
      name: "anti-affinity symmetry with a namespace selector",
      pod: P({ ns: "subteam1.team1", labels: S1 }),
      pods: [
        [P({ labels: S1, ...antiAffinityNamespaceSelector }), "node1"],
        [P({ labels: S2, ...stayWithS2InRegion }), "node2"],
      ],
      nodes: three(china, india, az1),
      want: [0, 100, 100],
    },
    {
      name: "affinity symmetry: existing pods' required affinity (hardPodAffinityWeight 1)",
      pod: P({ labels: S1 }),
      pods: [
        [P({ labels: S1, ...hardAffinity }), "node1"],
        [P({ labels: S2, ...hardAffinity }), "node2"],
      ],
      nodes: three(china, india, az1),
      want: [100, 100, 0],
    },
    {
      name: "anti-affinity: the node without matching pods scores high",
      pod: P({ labels: S1, ...awayFromS1InAz }),
      pods: [
        [P({ labels: S1 }), "node1"],
        [P({ labels: S2 }), "node2"],
      ],
      nodes: [N("node1", az1), N("node2", china)],
      want: [0, 100],
    },
    {
      name: "anti-affinity: the node without the topology key scores high",
      pod: P({ labels: S1, ...awayFromS1InAz }),
      pods: [
        [P({ labels: S1 }), "node1"],
        [P({ labels: S1 }), "node2"],
      ],
      nodes: [N("node1", az1), N("node2", china)],
      want: [0, 100],
    },
    {
      name: "anti-affinity: more matching pods, lower score",
      pod: P({ labels: S1, ...awayFromS1InAz }),
      pods: [
        [P({ labels: S1 }), "node1"],
        [P({ labels: S1 }), "node1"],
        [P({ labels: S2 }), "node2"],
      ],
      nodes: [N("node1", az1), N("node2", india)],
      want: [0, 100],
    },
    {
      name: "anti-affinity symmetry: existing pods' preferred anti-affinity",
      pod: P({ labels: S2 }),
      pods: [
        [P({ labels: S1, ...awayFromS2InAz }), "node1"],
        [P({ labels: S2, ...awayFromS1InAz }), "node2"],
      ],
      nodes: [N("node1", az1), N("node2", az2)],
      want: [0, 100],
    },
    {
      name: "preferred affinity and anti-affinity together",
      pod: P({ labels: S1, ...stayWithS1AwayFromS2 }),
      pods: [
        [P({ labels: S1 }), "node1"],
        [P({ labels: S1 }), "node2"],
      ],
      nodes: [N("node1", china), N("node2", az1)],
      want: [100, 0],
    },
    {
      name: "same labels as the existing pods: together in the region",
      pod: P({ labels: S1, ...stayWithS1AwayFromS2 }),
      pods: [
        [P({ labels: S1 }), "node1"],
        [P({ labels: S1 }), "node1"],
        [P({ labels: S1 }), "node2"],
        [P({ labels: S1 }), "node3"],
        [P({ labels: S1 }), "node3"],
        [P({ labels: S1 }), "node4"],
        [P({ labels: S1 }), "node5"],
      ],
      nodes: [N("node1", chinaAz1), N("node2", india), N("node3", china), N("node4", china), N("node5", india)],
      want: [100, 0, 100, 100, 0],
    },
    {
      name: "affinity, anti-affinity and both symmetries",
      pod: P({ labels: S1, ...stayWithS1AwayFromS2 }),
      pods: [
        [P({ labels: S1 }), "node1"],
        [P({ labels: S2 }), "node2"],
        [P(stayWithS1AwayFromS2), "node3"],
        [P(awayFromS1InAz), "node4"],
      ],
      nodes: [N("node1", china), N("node2", az1), N("node3", india), N("node4", az2)],
      // 8, −5, 8, −5
      want: [100, 0, 100, 0],
    },
    {
      name: "some nodes of a domain without pods with affinity (upstream issue 82796)",
      pod: P({ labels: S1 }),
      pods: [
        [P({ labels: S1 }), "node1"],
        [P(stayWithS1AwayFromS2), "node2"],
      ],
      nodes: [N("node1", china), N("node2", china)],
      // Both China: 8 and 8 → equal → 0.
      want: [0, 0],
    },
    { ...byNamespace(affinityNamespaceSelector, "subteam1.team2"), name: "affinity with pods matching the namespace selector", want: [100, 0] },
    { ...byNamespace(affinityNamespaceSelector, "subteam2.team2"), name: "affinity with pods matching the namespace selector and the namespaces", want: [100, 0] },
    { ...byNamespace(antiAffinityNamespaceSelector, "subteam1.team2"), name: "anti-affinity with pods matching the namespace selector", want: [0, 100] },
    { ...byNamespace(antiAffinityNamespaceSelector, "subteam2.team2"), name: "anti-affinity with pods matching the namespace selector and the namespaces", want: [0, 100] },
    {
      name: "ignorePreferredTermsOfExistingPods: a pod without preferred terms skips",
      pod: P({ labels: S2 }),
      pods: [
        [P({ labels: S1, ...stayWithS1AwayFromS2 }), "node1"],
        [P({ labels: S2, ...stayWithS2InRegion }), "node2"],
      ],
      nodes: [N("node1", china), N("node2", india)],
      args: { ignorePreferredTermsOfExistingPods: true },
      want: "skip",
    },
    {
      name: "existing pods' preferred terms count by default",
      pod: P({ labels: S2 }),
      pods: [
        [P({ labels: S1, ...stayWithS1AwayFromS2 }), "node1"],
        [P({ labels: S2, ...stayWithS2InRegion }), "node2"],
      ],
      nodes: [N("node1", china), N("node2", india)],
      want: [0, 100],
    },
    { name: "no nodes: PreScore skips", pod: P({ labels: S2 }), nodes: [], want: "skip" },
  ])
})

describe("Score, existing pods' required affinity (upstream TestPreferredAffinityWithHardPodAffinitySymmetricWeight)", () => {
  const hard: PodAffinityTerm = {
    labelSelector: { matchExpressions: [req("service", "In", "S1")] },
    namespaces: ["default", "subteam2.team2"],
    namespaceSelector: { matchExpressions: [req("team", "In", "team1")] },
    topologyKey: "region",
  }
  const nodes = [N("node1", { region: "China" }), N("node2", { region: "India" }), N("node3", { az: "az1" })]
  const pods = [[P({ aff: [hard] }), "node1"] as const, [P({ aff: [hard] }), "node2"] as const]
  const incoming = (ns: string) => P({ ns, labels: { service: "S1" } })
  expectScoreCases([
    { name: "with the default weight", pod: incoming("default"), pods, nodes, want: [100, 100, 0] },
    { name: "with weight 0 nothing counts: PreScore skips", pod: incoming("default"), pods, nodes, args: { hardPodAffinityWeight: 0 }, want: "skip" },
    { name: "with no matching namespace: PreScore skips", pod: incoming("subteam1.team2"), pods, nodes, want: "skip" },
    { name: "with a matching namespace selector", pod: incoming("subteam1.team1"), pods, nodes, want: [100, 100, 0] },
    { name: "with a matching namespace in namespaces", pod: incoming("subteam2.team2"), pods, nodes, want: [100, 100, 0] },
  ])
})

// --- beyond upstream's tables --------------------------------------------------------------

describe("args: hardPodAffinityWeight and ignorePreferredTermsOfExistingPods", () => {
  const nodes = [N("node1", { region: "China" }), N("node2", { region: "India" })]
  const pods = [
    [P({ aff: [term("region", req("app", "In", "web"))] }), "node1"] as const,
    [P({ prefAff: [weighted(3, term("region", req("app", "In", "web")))] }), "node2"] as const,
  ]
  const web = P({ labels: { app: "web" } })
  expectScoreCases([
    // China gets hardPodAffinityWeight, India 3.
    { name: "weight 1: the preferred term (3) outweighs the required one", pod: web, pods, nodes, args: { hardPodAffinityWeight: 1 }, want: [0, 100] },
    { name: "weight 5: the required term outweighs the preferred one", pod: web, pods, nodes, args: { hardPodAffinityWeight: 5 }, want: [100, 0] },
    // China 3 vs India 3 + 1 = 4 → min 3, max 4.
    {
      name: "ignorePreferredTermsOfExistingPods does not ignore them when the pod has preferred terms of its own",
      pod: P({ labels: { app: "web" }, prefAff: [weighted(3, term("region", req("app", "In", "web")))] }),
      pods: [[P({ labels: { app: "web" }, aff: [term("region", req("app", "In", "web"))] }), "node1"], [P({ labels: { app: "web" }, prefAff: [weighted(1, term("region", req("app", "In", "web")))] }), "node2"]],
      nodes,
      args: { ignorePreferredTermsOfExistingPods: true, hardPodAffinityWeight: 0 },
      // China: incoming term × node1's pod 3; India: incoming term × node2's pod 3 + node2's own preferred term 1.
      want: [0, 100],
    },
  ])

  it("nodes without labels contribute nothing, and a term that matched still opens its key (no skip)", () => {
    // +5 and −5 on the same pair cancel to 0: PreScore proceeds (all scores 0), as upstream.
    const out = interPodAffinityPreScore(
      P({ labels: { app: "web" }, prefAff: [weighted(5, term("region", req("app", "In", "web")))], prefAnti: [weighted(5, term("region", req("app", "In", "web")))] }),
      viewOf([N("node1", { region: "China" }), N("bare", {})], [[P({ labels: { app: "web" } }), "node1"], [P({ labels: { app: "web" } }), "bare"]]),
      DEFAULT_ARGS,
    )
    expect(out.kind).toBe("proceed")
    if (out.kind === "proceed") expect(flat(out.state.topologyScore)).toEqual({ "region=China": 0 })
  })
})

describe("NormalizeScore kernel", () => {
  it("maps min..max onto 0..100 with float64 then truncation", () => {
    const s = [-5, 0, 10]
    normalizeInterPodAffinityScores(s)
    // (0 − (−5)) / 15 = 0.333… × 100 = 33.3 → 33
    expect(s).toEqual([0, 33, 100])
    const t = [0, 2, 3]
    normalizeInterPodAffinityScores(t)
    // 2 / 3 × 100 = 66.7 → 66 (truncated, not rounded)
    expect(t).toEqual([0, 66, 100])
  })
  it("all equal (or one node): every score 0", () => {
    const s = [7, 7, 7]
    normalizeInterPodAffinityScores(s)
    expect(s).toEqual([0, 0, 0])
    const one = [-3]
    normalizeInterPodAffinityScores(one)
    expect(one).toEqual([0])
  })
  it("works on a typed array prefix, leaving the rest", () => {
    const s = Int32Array.of(1, 2, 4, 99)
    normalizeInterPodAffinityScores(s, 3)
    // (2 − 1) / 3 × 100 = 33.3 → 33
    expect([...s]).toEqual([0, 33, 100, 99])
  })
})

describe("terms: namespaces, namespaceSelector, matchLabelKeys / mismatchLabelKeys", () => {
  it("a term without namespaces or selector looks in its own pod's namespace; an empty selector in all", () => {
    const owner = P({ ns: "prod" })
    const own = compileAffinityTerm(owner, term("zone", req("app", "Exists")))
    const all = compileAffinityTerm(owner, { ...term("zone", req("app", "Exists")), namespaceSelector: {} })
    const other = P({ ns: "test", labels: { app: "x" } })
    expect(affinityTermMatches(own, P({ ns: "prod", labels: { app: "x" } }), {})).toBe(true)
    expect(affinityTermMatches(own, other, {})).toBe(false)
    expect(affinityTermMatches(all, other, {})).toBe(true)
  })

  it("an absent label selector selects no pod", () => {
    const t = compileAffinityTerm(P(), { namespaces: [], topologyKey: "zone" })
    expect(affinityTermMatches(t, P({ labels: { app: "x" } }), {})).toBe(false)
  })

  it("an existing pod's namespace selector sees the incoming pod's namespace labels; an unknown namespace has none", () => {
    const nodes = [N("a", { host: "a" })]
    const guard = P({ anti: [{ ...term("host", req("app", "Exists")), namespaceSelector: { matchExpressions: [req("team", "In", "team1")] } }] })
    const status = (ns: string) => runFilterCase({ name: "", pod: P({ ns, labels: { app: "x" } }), pods: [[guard, "a"]], nodes, want: "skip" })
    expect(status("subteam2.team1")).toEqual([STATUS.existing])
    expect(status("subteam1.team2")).toBe("skip")
    expect(status("unknown")).toBe("skip")
  })

  it("the incoming pod's namespace selector only knows the cluster's namespaces", () => {
    const nodes = [N("a", { host: "a" })]
    const incoming = P({ aff: [{ ...term("host", req("app", "Exists")), namespaceSelector: { matchExpressions: [req("team", "DoesNotExist")] } }] })
    // A pod in a namespace the cluster does not list is not selected, even though "no team label" holds for it.
    const c = { name: "", pod: incoming, pods: [[P({ ns: "ghost", labels: { app: "x" } }), "a"] as const], nodes, want: "skip" as const }
    expect(runFilterCase(c)).toEqual([STATUS.affinity])
    expect(runFilterCase({ ...c, namespaces: [...TEAMS, { name: "ghost", labels: {} }] })).toEqual([STATUS.ok])
  })

  it("matchLabelKeys: anti-affinity only against pods of the same revision", () => {
    const nodes = [N("a", { host: "a" }), N("b", { host: "b" })]
    const spread = { ...term("host", req("app", "In", "web")), matchLabelKeys: ["pod-template-hash"] }
    const incoming = P({ labels: { app: "web", "pod-template-hash": "new" }, anti: [spread] })
    const statuses = runFilterCase({
      name: "",
      pod: incoming,
      pods: [
        [P({ labels: { app: "web", "pod-template-hash": "old" } }), "a"],
        [P({ labels: { app: "web", "pod-template-hash": "new" } }), "b"],
      ],
      nodes,
      want: "skip",
    })
    expect(statuses).toEqual([STATUS.ok, STATUS.anti])
  })

  it("mismatchLabelKeys: keep away from other tenants; an existing pod's keys come from its own labels", () => {
    const nodes = [N("a", { host: "a" }), N("b", { host: "b" })]
    const exclusive = { ...term("host", req("tenant", "Exists")), mismatchLabelKeys: ["tenant"] }
    const statuses = runFilterCase({
      name: "",
      pod: P({ labels: { tenant: "t1" }, anti: [exclusive] }),
      pods: [
        [P({ labels: { tenant: "t2" } }), "a"],
        [P({ labels: { tenant: "t1" } }), "b"],
      ],
      nodes,
      want: "skip",
    })
    expect(statuses).toEqual([STATUS.anti, STATUS.ok])
    // Symmetry: t2's own term (tenant NotIn t2) selects the t1 incoming pod on a.
    const symmetric = runFilterCase({ name: "", pod: P({ labels: { tenant: "t1" } }), pods: [[P({ labels: { tenant: "t2" }, anti: [exclusive] }), "a"]], nodes, want: "skip" })
    expect(symmetric).toEqual([STATUS.existing, STATUS.ok])
  })
})

// --- through the readable σ ---------------------------------------------------------------

const only = (names: ReadonlyArray<"TaintToleration" | "NodeResourcesFit">, score = false): Profile => ({
  ...defaultProfile,
  filters: [...names, "InterPodAffinity"],
  weights: score ? { InterPodAffinity: 1 } : {},
})

describe("readable σ: Score over all nodes, Filter without PreFilter", () => {
  it("PreScore counts pods on infeasible nodes (upstream lists every node)", () => {
    // node1 is tainted (infeasible) but hosts the S1 pod; node2 shares its region, node3 does not.
    const nodes = [
      node("node1", { cpu: 4000, memory: 8 * Gi, pods: 110 }, { labels: { region: "China" }, taints: [{ key: "k", value: "v", effect: "NoSchedule" }] }),
      N("node2", { region: "China" }),
      N("node3", { region: "India" }),
    ]
    const s = readableScheduler({ nodes, bound: [{ pod: P({ labels: { security: "S1" } }), node: "node1" }] }, { profile: only(["TaintToleration"], true) })
    const p = s.schedule(P({ prefAff: [weighted(5, term("region", req("security", "In", "S1")))] }), { explain: true })
    expect(p.node).toBe("node2")
    expect(p.scores?.map((e) => [e.node, e.feasible, e.plugins.InterPodAffinity])).toEqual([
      ["node1", false, undefined],
      ["node2", true, 100],
      ["node3", true, 0],
    ])
  })

  it("the filter computes its own state when PreFilter is disabled", () => {
    const plugin = interPodAffinityFilterPlugin(defaultProfile)
    const view = viewOf([N("a", { host: "a" })], [[P({ labels: { app: "db" } }), "a"]])
    const incoming = P({ anti: [term("host", req("app", "In", "db"))] })
    expect(plugin.filter(incoming, view.nodes[0] as (typeof view.nodes)[number], undefined, view)).toEqual(STATUS.anti)
  })
})

describe("preemption clears anti-affinity conflicts (PreFilter re-run without the victims)", () => {
  const hosts = (n: number) => Array.from({ length: n }, (_, i) => N(`h${i + 1}`, { "kubernetes.io/hostname": `h${i + 1}` }))
  const awayFromBatch = [term("kubernetes.io/hostname", req("app", "In", "batch"))]

  it("evicts the lower-priority pod the incoming pod's anti-affinity rejects", () => {
    const s = readableScheduler({ nodes: hosts(1), bound: [{ pod: P({ labels: { app: "batch" }, priority: 1 }, "batch"), node: "h1" }] }, { profile: only([]) })
    expect(s.schedule(P({ anti: awayFromBatch, priority: 10 }, "urgent"))).toMatchObject({ node: "h1", victims: ["default/batch"] })
  })

  it("evicts the lower-priority pod whose own anti-affinity rejects the incoming pod (symmetry)", () => {
    const s = readableScheduler(
      { nodes: hosts(1), bound: [{ pod: P({ labels: { app: "loner" }, priority: 1, anti: [term("kubernetes.io/hostname", req("app", "Exists"))] }, "loner"), node: "h1" }] },
      { profile: only([]) },
    )
    expect(s.schedule(P({ labels: { app: "web" }, priority: 10 }, "web"))).toMatchObject({ node: "h1", victims: ["default/loner"] })
  })

  it("picks the node whose conflicting pod has the lower priority; equal priority is never a victim", () => {
    const s = readableScheduler(
      {
        nodes: hosts(2),
        bound: [
          { pod: P({ labels: { app: "batch" }, priority: 10 }, "peer"), node: "h1" },
          { pod: P({ labels: { app: "batch" }, priority: 2 }, "low"), node: "h2" },
        ],
      },
      { profile: only([]) },
    )
    expect(s.schedule(P({ anti: awayFromBatch, priority: 10 }, "urgent"))).toMatchObject({ node: "h2", victims: ["default/low"] })
  })

  it("a required affinity failure is unresolvable: no preemption is tried", () => {
    const s = readableScheduler({ nodes: hosts(2), bound: [{ pod: P({ labels: { app: "x" }, priority: 0 }), node: "h1" }] }, { profile: only([]) })
    const p = s.schedule(P({ aff: [term("zone", req("app", "In", "x"))], priority: 10 }))
    expect(p).toMatchObject({
      node: null,
      victims: [],
      message:
        "0/2 nodes are available: 2 node(s) didn't match pod affinity rules. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    })
  })
})

describe("the issue's cases, full default profile", () => {
  const worker = (name: string, zone: string) =>
    node(name, { cpu: 4000, memory: 16 * Gi, pods: 110, "devices.kubevirt.io/kvm": 1000 }, { labels: { "kubernetes.io/hostname": name, "topology.kubernetes.io/zone": zone } })
  const nodes = [worker("node-a", "zone-1"), worker("node-b", "zone-1"), worker("node-c", "zone-2")]

  it("three replicas with required anti-affinity on kubernetes.io/hostname land on three nodes", () => {
    const s = readableScheduler({ nodes, bound: [] }, { profile: defaultProfile })
    const replica = (i: number) =>
      pod(`default/web-${i}`, { cpu: 100, memory: 128 * 2 ** 20 }, {
        namespace: "default",
        labels: { app: "web" },
        podAntiAffinity: { required: [term("kubernetes.io/hostname", req("app", "In", "web"))], preferred: [] },
      })
    const placed = [0, 1, 2].map((i) => s.schedule(replica(i)).node)
    expect(new Set(placed).size).toBe(3)
    expect(placed.every((n) => n !== null)).toBe(true)
  })

  it("KubeVirt: three launcher pods of one HA group on three hosts, the fourth pending with kube-scheduler's message", () => {
    const s = readableScheduler({ nodes, bound: [] }, { profile: defaultProfile })
    const launcher = (vm: string) =>
      pod(`vms/virt-launcher-${vm}-x7k2p`, { cpu: 1000, memory: 2 * Gi, "devices.kubevirt.io/kvm": 1 }, {
        namespace: "vms",
        labels: { "kubevirt.io": "virt-launcher", "kubevirt.io/domain": vm, "vm.kubevirt.io/name": vm, "ha-group": "db" },
        podAntiAffinity: { required: [term("kubernetes.io/hostname", req("ha-group", "In", "db"))], preferred: [] },
        requiresKvm: true,
      })
    const placed = ["db-0", "db-1", "db-2"].map((vm) => s.schedule(launcher(vm)).node)
    expect(new Set(placed)).toEqual(new Set(["node-a", "node-b", "node-c"]))
    const fourth = s.schedule(launcher("db-3"))
    expect(fourth).toMatchObject({
      node: null,
      victims: [],
      reasons: ["0/3 nodes are available", "3 node(s) didn't match pod anti-affinity rules"],
      message:
        "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. no new claims to deallocate, preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    })
  })
})
