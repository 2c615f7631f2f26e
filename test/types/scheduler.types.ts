/**
 * Type-level guarantees of the scheduler API, checked by `tsc`.
 */
import type { NodeEvaluation, Placement, Profile, ScoringStrategy, SchedulingPod, Toleration } from "../../src/scheduler/index.ts"
import { defaultProfile, pod } from "../../src/scheduler/index.ts"

// A profile only weighs score plugins the scheduler knows.
export const ok: Profile = { ...defaultProfile, weights: { NodeResourcesFit: 2 } }
// @ts-expect-error ImageLoality is not a score plugin name
export const typo: Profile = { ...defaultProfile, weights: { ImageLoality: 1 } }

// RequestedToCapacityRatio needs its shape; the other strategies take none.
export const rtc: ScoringStrategy = { type: "RequestedToCapacityRatio", resources: [], shape: [{ utilization: 0, score: 0 }] }
// @ts-expect-error the shape is required
export const noShape: ScoringStrategy = { type: "RequestedToCapacityRatio", resources: [] }

// A placement's node is a name or null, never undefined.
export const pending: Placement = { pod: "d/p", node: null, reasons: ["0/1 nodes are available"], message: "0/1 nodes are available:", victims: [] }
// @ts-expect-error undefined is not "no node"
export const vague: Placement = { pod: "d/p", node: undefined, reasons: [], message: "", victims: [] }

// Toleration operators and effects are the Kubernetes ones.
// @ts-expect-error "Matches" is not an operator
export const badToleration: Toleration = { key: "k", operator: "Matches", value: "", effect: "" }

// Pods are immutable values.
const p: SchedulingPod = pod("d/p", { cpu: 100 })
// @ts-expect-error priority is readonly
p.priority = 5

// An evaluation's plugin scores are keyed by plugin name.
export const evaluation: NodeEvaluation = { node: "n", feasible: true, reasons: [], plugins: { TaintToleration: 100 }, total: 300 }
// @ts-expect-error an unknown plugin key
export const badEvaluation: NodeEvaluation = { node: "n", feasible: true, reasons: [], plugins: { Foo: 1 }, total: 0 }
