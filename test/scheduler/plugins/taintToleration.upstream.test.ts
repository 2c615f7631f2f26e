/**
 * TaintToleration, restated from Kubernetes v1.35's `taint_toleration_test.go`
 * (TestTaintTolerationScore, TestTaintTolerationFilter, TestTaintTolerationFilterWithFeatureGate)
 * as manifests through the scheduler with only TaintToleration, on both engines
 * (upstreamTable.ts). Scores are after the plugin's reversed normalisation (fewest untolerated
 * PreferNoSchedule taints → 100).
 *
 * The `Gt` / `Lt` toleration operators belong to the TaintTolerationComparisonOperators feature
 * gate, alpha and off by default in v1.35: the API server then refuses such a pod
 * (`spec.tolerations[i].operator: Unsupported value`), and so does catcluster, loudly. Those
 * cases assert the refusal (upstreamTable.ts `describeRefusals`).
 */
import { configOf, describeRefusals, describeTable, type Manifest, nodeOf, pendingMessage, type TableCase } from "./upstreamTable.ts"

const PLUGIN = "TaintToleration"
type Effect = "NoSchedule" | "PreferNoSchedule" | "NoExecute"
const taint = (key: string, value: string, effect: Effect): Manifest => ({ key, value, effect })
const tainted = (name: string, ...taints: ReadonlyArray<Manifest>): Manifest => nodeOf(name, { pods: "110" }, { taints })
const tol = (key: string, operator: string, value: string | undefined, effect?: Effect): Manifest => ({
  key,
  ...(operator === "" ? {} : { operator }),
  ...(value === undefined ? {} : { value }),
  ...(effect === undefined ? {} : { effect }),
})

const SCORE = configOf(PLUGIN, "score")
const FILTER = configOf(PLUGIN, "filter")
const UNTOLERATED = "node(s) had untolerated taint(s)"

describeTable("taint_toleration_test.go TestTaintTolerationScore", PLUGIN, [
  {
    name: "node with taints tolerated by the pod, gets a higher score than those node with intolerable taints",
    nodes: [tainted("nodeA", taint("foo", "bar", "PreferNoSchedule")), tainted("nodeB", taint("foo", "blah", "PreferNoSchedule"))],
    pod: { tolerations: [tol("foo", "Equal", "bar", "PreferNoSchedule")] },
    config: SCORE,
    scores: { nodeA: 100, nodeB: 0 },
  },
  {
    name: "the nodes that all of their taints are tolerated by the pod, get the same score, no matter how many tolerable taints a node has",
    nodes: [
      tainted("nodeA"),
      tainted("nodeB", taint("cpu-type", "arm64", "PreferNoSchedule")),
      tainted("nodeC", taint("cpu-type", "arm64", "PreferNoSchedule"), taint("disk-type", "ssd", "PreferNoSchedule")),
    ],
    pod: { tolerations: [tol("cpu-type", "Equal", "arm64", "PreferNoSchedule"), tol("disk-type", "Equal", "ssd", "PreferNoSchedule")] },
    config: SCORE,
    scores: { nodeA: 100, nodeB: 100, nodeC: 100 },
  },
  {
    name: "the more intolerable taints a node has, the lower score it gets.",
    nodes: [
      tainted("nodeA"),
      tainted("nodeB", taint("cpu-type", "arm64", "PreferNoSchedule")),
      tainted("nodeC", taint("cpu-type", "arm64", "PreferNoSchedule"), taint("disk-type", "ssd", "PreferNoSchedule")),
    ],
    pod: { tolerations: [tol("foo", "Equal", "bar", "PreferNoSchedule")] },
    config: SCORE,
    scores: { nodeA: 100, nodeB: 50, nodeC: 0 },
  },
  {
    name: "only taints and tolerations that have effect PreferNoSchedule are checked by taints-tolerations priority function",
    nodes: [
      tainted("nodeA"),
      tainted("nodeB", taint("cpu-type", "arm64", "NoSchedule")),
      tainted("nodeC", taint("cpu-type", "arm64", "PreferNoSchedule"), taint("disk-type", "ssd", "PreferNoSchedule")),
    ],
    pod: { tolerations: [tol("cpu-type", "Equal", "arm64", "NoSchedule"), tol("disk-type", "Equal", "ssd", "NoSchedule")] },
    config: SCORE,
    scores: { nodeA: 100, nodeB: 100, nodeC: 0 },
  },
  {
    name: "Default behaviour No taints and tolerations, lands on node with no taints",
    nodes: [tainted("nodeA"), tainted("nodeB", taint("cpu-type", "arm64", "PreferNoSchedule"))],
    pod: { tolerations: [] },
    config: SCORE,
    scores: { nodeA: 100, nodeB: 0 },
    node: "nodeA",
  },
])

const fits = (name: string, tolerations: ReadonlyArray<Manifest>, ...taints: ReadonlyArray<Manifest>): TableCase => ({
  name,
  nodes: [tainted("nodeA", ...taints)],
  pod: { tolerations },
  config: FILTER,
  reasons: {},
  node: "nodeA",
})
const fails = (name: string, tolerations: ReadonlyArray<Manifest>, ...taints: ReadonlyArray<Manifest>): TableCase => ({
  name,
  nodes: [tainted("nodeA", ...taints)],
  pod: { tolerations },
  config: FILTER,
  reasons: { nodeA: [UNTOLERATED] },
  node: null,
  // UnschedulableAndUnresolvable: preemption cannot remove a taint
  message: pendingMessage(1, [UNTOLERATED], false),
})

describeTable("taint_toleration_test.go TestTaintTolerationFilter", PLUGIN, [
  fails("A pod having no tolerations can't be scheduled onto a node with nonempty taints", [], taint("dedicated", "user1", "NoSchedule")),
  fits("A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule", [tol("dedicated", "", "user1", "NoSchedule")], taint("dedicated", "user1", "NoSchedule")),
  fails("A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule", [tol("dedicated", "Equal", "user2", "NoSchedule")], taint("dedicated", "user1", "NoSchedule")),
  fits("A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node", [tol("foo", "Exists", undefined, "NoSchedule")], taint("foo", "bar", "NoSchedule")),
  fits(
    "A pod has multiple tolerations, node has multiple taints, all the taints are tolerated, pod can be scheduled onto the node",
    [tol("dedicated", "Equal", "user2", "NoSchedule"), tol("foo", "Exists", undefined, "NoSchedule")],
    taint("dedicated", "user2", "NoSchedule"),
    taint("foo", "bar", "NoSchedule"),
  ),
  fails(
    "A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match, can't be scheduled onto the node",
    [tol("foo", "Equal", "bar", "PreferNoSchedule")],
    taint("foo", "bar", "NoSchedule"),
  ),
  fits(
    "The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node",
    [tol("foo", "Equal", "bar")],
    taint("foo", "bar", "NoSchedule"),
  ),
  fits(
    "The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node",
    [tol("dedicated", "Equal", "user2", "NoSchedule")],
    taint("dedicated", "user1", "PreferNoSchedule"),
  ),
  fits("The pod has no toleration, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node", [], taint("dedicated", "user1", "PreferNoSchedule")),
])

describeTable("taint_toleration_test.go TestTaintTolerationFilterWithFeatureGate (gate off: only the Equal toleration)", PLUGIN, [
  // the Gt toleration is left out: with the gate off the API server would not admit it at all
  fits("Pod with mixed tolerations (Equal and Gt) when feature gate is disabled - only Equal is honored", [tol("dedicated", "Equal", "user1", "NoSchedule")], taint("dedicated", "user1", "NoSchedule")),
  fails(
    "Pod with mixed tolerations, Gt toleration needed but filtered out when feature gate is disabled",
    [tol("dedicated", "Equal", "user1", "NoSchedule")],
    taint("dedicated", "user1", "NoSchedule"),
    taint("node.kubernetes.io/sla", "950", "NoSchedule"),
  ),
])

const SLA = "node.kubernetes.io/sla"
const GATE = "Gt/Lt tolerations need the TaintTolerationComparisonOperators gate (alpha, off in v1.35)"
const refused = (name: string, operator: "Gt" | "Lt", value: string, taintValue: string, effect: Effect, config: string) => ({
  name,
  nodes: [tainted("nodeA", taint(SLA, taintValue, effect))],
  pod: { tolerations: [tol(SLA, operator, value, effect)] },
  config,
  why: GATE,
  error: /spec\.tolerations.*operator/s,
})

describeRefusals("taint_toleration_test.go (comparison operators)", [
  refused("Numeric Gt operator: pod with Gt toleration prefers nodes with matching SLA taint", "Gt", "950", "999", "PreferNoSchedule", SCORE),
  refused("Numeric Lt operator: pod with Lt toleration prefers nodes with matching SLA taint", "Lt", "800", "700", "PreferNoSchedule", SCORE),
  refused("Score ignores parse errors from numeric PreferNoSchedule taint value", "Gt", "950", "high", "PreferNoSchedule", SCORE),
  refused("Pod with Gt toleration cannot be scheduled on node when taint value is lower than threshold", "Gt", "950", "800", "NoSchedule", FILTER),
  refused("Pod with Gt toleration can be scheduled on node when taint value is higher than threshold", "Gt", "750", "950", "NoSchedule", FILTER),
  refused("Pod with Lt toleration cannot be scheduled on node when taint value is higher than threshold", "Lt", "800", "950", "NoSchedule", FILTER),
  refused("Pod with Lt toleration can be scheduled on node when taint value is lower than threshold", "Lt", "950", "800", "NoSchedule", FILTER),
  refused("Pod with Gt toleration cannot be scheduled on node with non-numeric taint value", "Gt", "950", "high", "NoSchedule", FILTER),
  refused("Pod with Gt toleration can be scheduled when feature gate is enabled and taint value is higher", "Gt", "750", "950", "NoSchedule", FILTER),
  refused("Pod with Gt toleration cannot be scheduled when feature gate is disabled", "Gt", "750", "950", "NoSchedule", FILTER),
  refused("Pod with Lt toleration can be scheduled when feature gate is enabled and taint value is lower", "Lt", "950", "800", "NoSchedule", FILTER),
  refused("Pod with Lt toleration cannot be scheduled when feature gate is disabled", "Lt", "950", "800", "NoSchedule", FILTER),
])
