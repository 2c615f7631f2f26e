/**
 * NodeName and NodeUnschedulable, restated from Kubernetes v1.35's `node_name_test.go`
 * (TestNodeName) and `node_unschedulable_test.go` (TestNodeUnschedulable), each plugin alone, on
 * both engines.
 *
 * NodeUnschedulable's cases are manifests (a cordoned node is `spec.unschedulable: true`).
 * NodeName's are not all expressible as manifests: a Pod whose `spec.nodeName` is set is bound,
 * kube-scheduler never schedules it (catcluster reads it as bound too, and refuses one bound to a
 * node it does not know). Those two cases run the same inputs in-process on the model (a pending
 * pod that names a node), as the plugin sees them.
 */
import { describe, expect, it } from "vitest"
import { node, parseSchedulerConfig, pod, scheduleBatch } from "../../../src/scheduler/index.ts"
import { configOf, describeRefusals, describeTable, nodeOf, pendingMessage, type TableCase } from "./upstreamTable.ts"

const NODE_NAME_REASON = "node(s) didn't match the requested node name"
const UNSCHEDULABLE_REASON = "node(s) were unschedulable"

describeTable("node_name_test.go TestNodeName (manifests)", "NodeName", [
  { name: "no host specified", nodes: [nodeOf("foo", { pods: "110" })], pod: {}, config: configOf("NodeName", "filter"), reasons: {}, node: "foo" },
])

describeRefusals("node_name_test.go TestNodeName (manifests)", [
  {
    name: "host doesn't match",
    why: "a Pod naming a node is bound, never scheduled; one bound to an unknown node is bad input",
    nodes: [nodeOf("foo", { pods: "110" })],
    pod: { nodeName: "bar" },
    config: configOf("NodeName", "filter"),
    error: /bound to node bar, which is not among the nodes/,
  },
])

describe("node_name_test.go TestNodeName (model: a pending pod naming a node)", () => {
  const { profile } = parseSchedulerConfig(configOf("NodeName", "filter"), "config.yaml")
  const cluster = { nodes: [node("foo", { pods: 110 })], bound: [] }
  for (const engine of ["readable", "hot"] as const) {
    it(`host matches (${engine})`, () => {
      const [p] = scheduleBatch(cluster, [pod("default/p", {}, { nodeName: "foo" })], { profile, engine, explain: true })
      expect(p?.node).toBe("foo")
    })
    it(`host doesn't match (${engine})`, () => {
      const [p] = scheduleBatch(cluster, [pod("default/p", {}, { nodeName: "bar" })], { profile, engine, explain: true })
      expect(p?.node).toBeNull()
      expect(p?.scores?.map((e) => [e.node, e.reasons])).toEqual([["foo", [NODE_NAME_REASON]]])
      expect(p?.message).toBe(pendingMessage(1, [NODE_NAME_REASON], false))
    })
  }
})

const cordoned = (unschedulable: boolean) => nodeOf("node1", { pods: "110" }, { unschedulable })
const filter = configOf("NodeUnschedulable", "filter")
const cases: ReadonlyArray<TableCase> = [
  {
    name: "Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)",
    nodes: [cordoned(true)],
    pod: {},
    config: filter,
    reasons: { node1: [UNSCHEDULABLE_REASON] },
    node: null,
    message: pendingMessage(1, [UNSCHEDULABLE_REASON], false),
  },
  { name: "Schedule pod to normal node", nodes: [cordoned(false)], pod: {}, config: filter, reasons: {}, node: "node1" },
  {
    name: "Schedule pod with toleration to unschedulable node (node.Spec.Unschedulable==true)",
    nodes: [cordoned(true)],
    pod: { tolerations: [{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }] },
    config: filter,
    reasons: {},
    node: "node1",
  },
  {
    name: "catcluster: an Exists toleration without a key tolerates the cordon too",
    nodes: [cordoned(true)],
    pod: { tolerations: [{ operator: "Exists" }] },
    config: filter,
    reasons: {},
    node: "node1",
  },
  {
    name: "catcluster: a NoExecute toleration does not tolerate the cordon (its taint is NoSchedule)",
    nodes: [cordoned(true)],
    pod: { tolerations: [{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoExecute" }] },
    config: filter,
    reasons: { node1: [UNSCHEDULABLE_REASON] },
    node: null,
    message: pendingMessage(1, [UNSCHEDULABLE_REASON], false),
  },
]
describeTable("node_unschedulable_test.go TestNodeUnschedulable", "NodeUnschedulable", cases)
