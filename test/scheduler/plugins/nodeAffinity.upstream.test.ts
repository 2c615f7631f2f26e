/**
 * NodeAffinity, restated from Kubernetes v1.35's `node_affinity_test.go` (TestNodeAffinity,
 * TestNodeAffinityPriority) as manifests through the scheduler with only NodeAffinity, on both
 * engines (upstreamTable.ts). `addedAffinity` comes from `NodeAffinityArgs` in the configuration.
 *
 * upstream calls PreFilter then Filter on one node; a whole cycle does the same, except that a
 * node outside PreFilter's node set (`metadata.name In`) is never filtered: kube-scheduler gives
 * it "node(s) didn't satisfy plugin(s) [NodeAffinity]" (findNodesThatFitPod's absent-node
 * status), which these cases expect where upstream's direct Filter call says the plugin's own
 * reason. "... even if PreFilter/PreScore is not called" cases are the same inputs through a
 * path a cycle never takes, and not restated.
 */
import { configOf, describeRefusals, describeTable, type Manifest, nodeOf, pendingMessage, type PodOptions, type TableCase } from "./upstreamTable.ts"

const PLUGIN = "NodeAffinity"
const REASON = "node(s) didn't match Pod's node affinity/selector"
const ENFORCED = "node(s) didn't match scheduler-enforced node affinity"
const ABSENT = "node(s) didn't satisfy plugin(s) [NodeAffinity]"

type Op = "In" | "NotIn" | "Exists" | "DoesNotExist" | "Gt" | "Lt"
const req = (key: string, operator: Op, ...values: ReadonlyArray<string>): Manifest => ({ key, operator, ...(values.length === 0 ? {} : { values }) })
const byName = (...names: ReadonlyArray<string>): Manifest => req("metadata.name", "In", ...names)
const term = (expressions: ReadonlyArray<Manifest> = [], fields: ReadonlyArray<Manifest> = []): Manifest => ({
  ...(expressions.length === 0 && fields.length > 0 ? {} : { matchExpressions: expressions }),
  ...(fields.length === 0 ? {} : { matchFields: fields }),
})
const requiredTerms = (...terms: ReadonlyArray<Manifest>): Manifest => ({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } })
const required = (...terms: ReadonlyArray<Manifest>): Manifest => ({ nodeAffinity: requiredTerms(...terms) })

/** One node named `name` (upstream's test.nodeName; "node1" where it gives none) with `labels`. */
const labelled = (labels: Readonly<Record<string, string>> = {}, name = "node1"): Manifest => nodeOf(name, { pods: "110" }, { labels })

const filterOnly = (args?: Manifest) => configOf(PLUGIN, "filter", args)

const fits = (name: string, pod: PodOptions, node: Manifest, args?: Manifest): TableCase => ({
  name,
  nodes: [node],
  pod,
  config: filterOnly(args),
  reasons: {},
  node: (node["metadata"] as { name: string }).name,
})
const fails = (name: string, pod: PodOptions, node: Manifest, reason = REASON, args?: Manifest): TableCase => {
  const nodeName = (node["metadata"] as { name: string }).name
  return {
    name,
    nodes: [node],
    pod,
    config: filterOnly(args),
    reasons: { [nodeName]: [reason] },
    node: null,
    message: pendingMessage(1, [reason], false),
  }
}
const added = (...terms: ReadonlyArray<Manifest>): Manifest => ({ addedAffinity: requiredTerms(...terms) })

describeTable("node_affinity_test.go TestNodeAffinity", PLUGIN, [
  fails("missing labels", { nodeSelector: { foo: "bar" } }, labelled()),
  fits("same labels", { nodeSelector: { foo: "bar" } }, labelled({ foo: "bar" })),
  fits("node labels are superset", { nodeSelector: { foo: "bar" } }, labelled({ foo: "bar", baz: "blah" })),
  fails("node labels are subset", { nodeSelector: { foo: "bar", baz: "blah" } }, labelled({ foo: "bar" })),
  fits("Pod with matchExpressions using In operator that matches the existing node", { affinity: required(term([req("foo", "In", "bar", "value2")])) }, labelled({ foo: "bar" })),
  fits("Pod with matchExpressions using Gt operator that matches the existing node", { affinity: required(term([req("kernel-version", "Gt", "0204")])) }, labelled({ "kernel-version": "0206" })),
  fits("Pod with matchExpressions using NotIn operator that matches the existing node", { affinity: required(term([req("mem-type", "NotIn", "DDR", "DDR2")])) }, labelled({ "mem-type": "DDR3" })),
  fits("Pod with matchExpressions using Exists operator that matches the existing node", { affinity: required(term([req("GPU", "Exists")])) }, labelled({ GPU: "NVIDIA-GRID-K1" })),
  fails("Pod with affinity that don't match node's labels won't schedule onto the node", { affinity: required(term([req("foo", "In", "value1", "value2")])) }, labelled({ foo: "bar" })),
  fails("Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node", { affinity: required(term([])) }, labelled({ foo: "bar" })),
  fits("Pod with no Affinity will schedule onto a node", {}, labelled({ foo: "bar" })),
  fits("Pod with Affinity but nil NodeSelector will schedule onto a node", { affinity: { nodeAffinity: {} } }, labelled({ foo: "bar" })),
  fits(
    "Pod with multiple matchExpressions ANDed that matches the existing node",
    { affinity: required(term([req("GPU", "Exists"), req("GPU", "NotIn", "AMD", "INTER")])) },
    labelled({ GPU: "NVIDIA-GRID-K1" }),
  ),
  fails(
    "Pod with multiple matchExpressions ANDed that doesn't match the existing node",
    { affinity: required(term([req("GPU", "Exists"), req("GPU", "In", "AMD", "INTER")])) },
    labelled({ GPU: "NVIDIA-GRID-K1" }),
  ),
  fits(
    "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
    { affinity: required(term([req("foo", "In", "bar", "value2")]), term([req("diffkey", "In", "wrong", "value2")])) },
    labelled({ foo: "bar" }),
  ),
  fits(
    "Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node",
    { nodeSelector: { foo: "bar" }, affinity: required(term([req("foo", "Exists")])) },
    labelled({ foo: "bar" }),
  ),
  fails(
    "Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node",
    { nodeSelector: { foo: "bar" }, affinity: required(term([req("foo", "Exists")])) },
    labelled({ foo: "barrrrrr" }),
  ),
  fails("Pod with an invalid value in Affinity term won't be scheduled onto the node", { affinity: required(term([req("foo", "NotIn", "invalid value: ___@#$%^")])) }, labelled({ foo: "bar" })),
  fits("Pod with matchFields using In operator that matches the existing node", { affinity: required(term([], [byName("node1")])) }, labelled({}, "node1")),
  fails("Pod with matchFields using In operator that does not match the existing node", { affinity: required(term([], [byName("node1")])) }, labelled({}, "node2"), ABSENT),
  fits(
    "Pod with two terms: matchFields does not match, but matchExpressions matches",
    { affinity: required(term([], [byName("node1")]), term([req("foo", "In", "bar")])) },
    labelled({ foo: "bar" }, "node2"),
  ),
  fails(
    "Pod with one term: matchFields does not match, but matchExpressions matches",
    { affinity: required(term([req("foo", "In", "bar")], [byName("node1")])) },
    labelled({ foo: "bar" }, "node2"),
    ABSENT,
  ),
  fits("Pod with one term: both matchFields and matchExpressions match", { affinity: required(term([req("foo", "In", "bar")], [byName("node1")])) }, labelled({ foo: "bar" }, "node1")),
  fails(
    "Pod with two terms: both matchFields and matchExpressions do not match",
    { affinity: required(term([], [byName("node1")]), term([req("foo", "In", "not-match-to-bar")])) },
    labelled({ foo: "bar" }, "node2"),
  ),
  fits("Pod with two terms of node.Name affinity", { affinity: required(term([], [byName("node1")]), term([], [byName("node2")])) }, labelled({}, "node2")),
  {
    name: "Pod with two conflicting mach field requirements",
    // PreFilter rejects the pod before any node is filtered: FitError then gives PreFilter's message
    // without a count ("0/1 nodes are available: <msg>.")
    nodes: [labelled({ foo: "bar" }, "node2")],
    pod: { affinity: required(term([], [byName("node1"), byName("node2")])) },
    config: filterOnly(),
    reasons: { node2: ["pod affinity terms conflict"] },
    node: null,
    message: "0/1 nodes are available: pod affinity terms conflict. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
  },
  // catcluster's own, from the parse rules: a term that does not parse matches no node, yet
  // PreFilter still reads its raw metadata.name fields
  fails(
    "catcluster: an unparsable term naming node1 by field, on node1",
    { affinity: required(term([req("foo", "NotIn", "invalid value: ___@#$%^")], [byName("node1")])) },
    labelled({ foo: "bar" }, "node1"),
  ),
  fails(
    "catcluster: an unparsable term naming node1 by field, on node2",
    { affinity: required(term([req("foo", "NotIn", "invalid value: ___@#$%^")], [byName("node1")])) },
    labelled({ foo: "bar" }, "node2"),
    ABSENT,
  ),
  fails("catcluster: a Gt requirement with a value that is not an integer", { affinity: required(term([req("kernel-version", "DoesNotExist"), req("x", "Gt", "1.5")])) }, labelled({})),
  fits("Matches added affinity and Pod's node affinity", { affinity: required(term([req("zone", "In", "foo")])) }, labelled({ zone: "foo" }, "node2"), added(term([], [byName("node2")]))),
  fails("Matches added affinity but not Pod's node affinity", { affinity: required(term([req("zone", "In", "bar")])) }, labelled({ zone: "foo" }, "node2"), REASON, added(term([], [byName("node2")]))),
  fails("Doesn't match added affinity", {}, labelled({ zone: "foo" }, "node2"), ENFORCED, added(term([req("zone", "In", "bar")]))),
])

const label1 = { foo: "bar" }
const label2 = { key: "value" }
const label3 = { az: "az1" }
const label4 = { abc: "az11", def: "az22" }
const label5 = { foo: "bar", key: "value", az: "az1" }
const pref = (weight: number, ...expressions: ReadonlyArray<Manifest>): Manifest => ({ weight, preference: term(expressions) })
const affinity1 = { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [pref(2, req("foo", "In", "bar"))] } }
const affinity2 = {
  nodeAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [
      pref(2, req("foo", "In", "bar")),
      pref(4, req("key", "In", "value")),
      pref(5, req("foo", "In", "bar"), req("key", "In", "value"), req("az", "In", "az1")),
    ],
  },
}
const named = (name: string, labels: Readonly<Record<string, string>>) => labelled(labels, name)
const scoreOnly = (args?: Manifest) => configOf(PLUGIN, "score", args)

describeTable("node_affinity_test.go TestNodeAffinityPriority", PLUGIN, [
  {
    name: "all nodes are same priority as NodeAffinity is nil",
    note: "upstream scores 0 without PreScore; a cycle's PreScore skips the plugin, so it gives no score at all",
    nodes: [named("node1", label1), named("node2", label2), named("node3", label3)],
    pod: {},
    config: scoreOnly(),
    scores: { node1: null, node2: null, node3: null },
  },
  {
    name: "Skip is returned in PreScore when NodeAffinity is nil",
    nodes: [named("node1", label1)],
    pod: {},
    config: scoreOnly(),
    scores: { node1: null },
  },
  {
    name: "no node matches preferred scheduling requirements in NodeAffinity of pod so all nodes' priority is zero",
    nodes: [named("node1", label4), named("node2", label2), named("node3", label3)],
    pod: { affinity: affinity1 },
    config: scoreOnly(),
    scores: { node1: 0, node2: 0, node3: 0 },
  },
  {
    name: "only node1 matches the preferred scheduling requirements of pod",
    nodes: [named("node1", label1), named("node2", label2), named("node3", label3)],
    pod: { affinity: affinity1 },
    config: scoreOnly(),
    scores: { node1: 100, node2: 0, node3: 0 },
    node: "node1",
  },
  {
    name: "all nodes matches the preferred scheduling requirements of pod but with different priorities ",
    nodes: [named("node1", label1), named("node5", label5), named("node2", label2)],
    pod: { affinity: affinity2 },
    config: scoreOnly(),
    scores: { node1: 18, node5: 100, node2: 36 },
    node: "node5",
  },
  {
    name: "added affinity",
    nodes: [named("node1", label1), named("node2", label2)],
    pod: {},
    config: scoreOnly({ addedAffinity: affinity1.nodeAffinity }),
    scores: { node1: 100, node2: 0 },
  },
  {
    name: "added affinity and pod has default affinity",
    nodes: [named("node1", label1), named("node2", label2), named("node3", label5)],
    pod: { affinity: affinity1 },
    config: scoreOnly({ addedAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [pref(3, req("key", "In", "value"))] } }),
    scores: { node1: 40, node2: 60, node3: 100 },
  },
])

describeRefusals("node_affinity_test.go TestNodeAffinityPriority", [
  {
    name: "PreScore returns error when an incoming Pod has a broken affinity",
    why: "kube-scheduler fails every scheduling attempt of such a pod; catcluster says so up front",
    nodes: [named("node1", label1)],
    pod: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [pref(2, req("invalid key", "In", "bar"))] } } },
    config: scoreOnly(),
    error: /preferredDuringSchedulingIgnoredDuringExecution\[0\]\.preference\.matchExpressions\[0\].*invalid key/s,
  },
  {
    name: "catcluster: a preferred term with an invalid label value",
    why: "as above: upstream's PreScore cannot parse the term",
    nodes: [named("node1", label1)],
    pod: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [pref(2, req("foo", "NotIn", "invalid value: ___@#$%^"))] } } },
    config: scoreOnly(),
    error: /preferredDuringSchedulingIgnoredDuringExecution\[0\]\.preference\.matchExpressions\[0\].*a valid label/s,
  },
])
