/**
 * S15.2 — "every Pending VM eventually runs" — and S15.3 — □◇(pod cpu request ≤ node cpu
 * capacity).
 *
 * The model: workloads (VMs or pods) with cpu requests, nodes with cpu capacity. A workload is
 * Pending, Running on a node, or Stopped. The scheduler's step `schedule w` binds a Pending
 * workload to any node where the NodeResourcesFit filter passes (request ≤ capacity − requests
 * already bound there; equality fits) and is weakly fair. Churn is the user's or the cluster's
 * business and not fair: `stop`/`start` (a VM stopped and started again), or `evict` (back to
 * Pending).
 *
 * Under weak fairness, a Pending workload is bound eventually only if some node fits it
 * *continuously* from some point on; with a request larger than every node it never is (stays
 * Pending forever), and with contended capacity another workload may hold the room forever.
 *
 * @since 0.1.0
 */
import { always, alwaysEventually, leadsTo } from "../Formula.ts"
import { guarded, type Command, type GuardedSystem } from "../Guarded.ts"
import { proposition, type Proposition } from "../TransitionSystem.ts"
import type { Scenario } from "./Scenario.ts"

/**
 * Parameters of the placement model.
 *
 * @since 0.1.0
 * @category model
 */
export interface PlacementConfig {
  /** `vm` or `pod` (names only). */
  readonly kind: "vm" | "pod"
  readonly capacities: ReadonlyArray<number>
  readonly requests: ReadonlyArray<number>
  readonly churn: "stop-start" | "evict" | "none"
}

/**
 * The placement system with its propositions.
 *
 * @since 0.1.0
 * @category model
 */
export interface PlacementSystem extends GuardedSystem {
  /** Workload `w` is in phase Pending (waiting to be bound). */
  readonly pending: (w: number) => Proposition
  /** Workload `w` is in phase Running (bound to a node). */
  readonly running: (w: number) => Proposition
  /** Bound to a node whose capacity covers its request. */
  readonly fitsItsNode: (w: number) => Proposition
  /** On every node, Σ requests bound ≤ capacity. */
  readonly withinCapacity: Proposition
}

const PENDING = 0
const RUNNING = 1
const STOPPED = 2

/**
 * Builds the placement model.
 *
 * @example
 * import { check, eventually, placementSystem } from "catcluster/verification"
 * // Two pods of 3 on one node of 4: the second can never run.
 * const system = placementSystem({ kind: "pod", capacities: [4], requests: [3, 3], churn: "none" })
 * check(system, eventually(system.running(1))).status // "violated", with a lasso trace
 *
 * @since 0.1.0
 * @category constructors
 */
export const placementSystem = (config: PlacementConfig): PlacementSystem => {
  const n = config.requests.length
  const nodes = config.capacities.length
  const name = (w: number): string => `${config.kind}${w}`
  const phase = (w: number): number => 2 * w
  const node = (w: number): number => 2 * w + 1
  const used = (s: { readonly get: (f: number) => number }, j: number): number => {
    let sum = 0
    for (let w = 0; w < n; w++) if (s.get(phase(w)) === RUNNING && s.get(node(w)) === j) sum += config.requests[w]!
    return sum
  }
  const commands: Command[] = []
  for (let w = 0; w < n; w++) {
    const request = config.requests[w]!
    for (let j = 0; j < nodes; j++) {
      commands.push({
        action: `schedule ${name(w)}`,
        fair: true,
        guard: (s) => s.get(phase(w)) === PENDING && request <= config.capacities[j]! - used(s, j),
        update: (_, t) => (t.set(phase(w), RUNNING), t.set(node(w), j)),
      })
    }
    if (config.churn === "stop-start") {
      commands.push({ action: `stop ${name(w)}`, guard: (s) => s.get(phase(w)) === RUNNING, update: (_, t) => (t.set(phase(w), STOPPED), t.set(node(w), 0)) })
      commands.push({ action: `start ${name(w)}`, guard: (s) => s.get(phase(w)) === STOPPED, update: (_, t) => t.set(phase(w), PENDING) })
    }
    if (config.churn === "evict") {
      commands.push({ action: `evict ${name(w)}`, guard: (s) => s.get(phase(w)) === RUNNING, update: (_, t) => (t.set(phase(w), PENDING), t.set(node(w), 0)) })
    }
  }
  const system = guarded({
    name: `placement(${config.kind}s requests [${config.requests.join(",")}], nodes [${config.capacities.join(",")}], churn ${config.churn})`,
    fields: Array.from({ length: n }, (_, w) => [
      { name: name(w), values: 3, names: ["Pending", "Running", "Stopped"] },
      { name: `${name(w)}.node`, values: Math.max(1, nodes), names: config.capacities.map((c, j) => `node${j}(cpu ${c})`) },
    ]).flat(),
    initial: [Array.from({ length: 2 * n }, () => 0)],
    commands,
  })
  const read = system.read
  return {
    ...system,
    // a workload's node matters only while it runs: "vm0=Running@node1(cpu 4)", "vm1=Pending"
    describe: (words, at) => {
      const out: Record<string, string> = {}
      for (let w = 0; w < n; w++) {
        const p = read(words, at, phase(w))
        out[name(w)] = p === RUNNING ? `Running@node${read(words, at, node(w))}(cpu ${config.capacities[read(words, at, node(w))]})` : p === PENDING ? "Pending" : "Stopped"
      }
      return out
    },
    pending: (w) => proposition(`${name(w)} Pending`, (words, at) => read(words, at, phase(w)) === PENDING),
    running: (w) => proposition(`${name(w)} Running`, (words, at) => read(words, at, phase(w)) === RUNNING),
    fitsItsNode: (w) =>
      proposition(
        `${name(w)} cpu request ≤ its node's cpu capacity`,
        (words, at) => read(words, at, phase(w)) === RUNNING && config.requests[w]! <= config.capacities[read(words, at, node(w))]!,
      ),
    withinCapacity: proposition("Σ cpu requests bound to each node ≤ its capacity", (words, at) => {
      for (let j = 0; j < nodes; j++) {
        let sum = 0
        for (let w = 0; w < n; w++) if (read(words, at, phase(w)) === RUNNING && read(words, at, node(w)) === j) sum += config.requests[w]!
        if (sum > config.capacities[j]!) return false
      }
      return true
    }),
  }
}

/**
 * S15.2: a Pending VM eventually runs when capacity suffices; it stays Pending forever when its
 * request fits no node, or when another VM holds the only room (weak fairness does not help).
 *
 * @since 0.1.0
 * @category scenarios
 */
export const pendingVm: Scenario = {
  name: "pending-vm",
  claims: ["S15.2"],
  title: "Every Pending VM eventually runs (VM placement with the NodeResourcesFit filter)",
  checks: [
    {
      name: "enough-capacity/vm2-pending-leads-to-running",
      build: () => {
        const system = placementSystem({ kind: "vm", capacities: [4, 4], requests: [2, 2, 2], churn: "stop-start" })
        return { system, formula: leadsTo(system.pending(2), system.running(2)) }
      },
      expected: "holds",
      role: "claim",
      because: "with room for every VM the scheduler's step stays enabled, so weak fairness takes it",
    },
    {
      name: "request-fits-no-node/vm1-pending-leads-to-running",
      build: () => {
        const system = placementSystem({ kind: "vm", capacities: [4, 4], requests: [2, 6], churn: "stop-start" })
        return { system, formula: leadsTo(system.pending(1), system.running(1)) }
      },
      expected: "violated",
      role: "claim",
      because: "a request of 6 cpu fits no node of 4: the filter never passes, the VM stays Pending forever",
    },
    {
      name: "contended/vm1-pending-leads-to-running",
      build: () => {
        const system = placementSystem({ kind: "vm", capacities: [4], requests: [3, 3], churn: "stop-start" })
        return { system, formula: leadsTo(system.pending(1), system.running(1)) }
      },
      expected: "violated",
      role: "claim",
      because: "each VM fits alone, but vm0 may run forever (stopping is not fair) and hold the room",
    },
  ],
}

/**
 * S15.3: bound pods always fit (the filter), and □◇ "fits its node" holds for a pod that fits
 * given the room, fails for a pod larger than every node.
 *
 * @since 0.1.0
 * @category scenarios
 */
export const podFitsNode: Scenario = {
  name: "pod-fits-node",
  claims: ["S15.3"],
  title: "□◇(pod cpu request ≤ node cpu capacity) (pod placement with evictions)",
  checks: [
    {
      name: "filter/within-capacity",
      build: () => {
        const system = placementSystem({ kind: "pod", capacities: [4, 2], requests: [2, 2, 2], churn: "evict" })
        return { system, formula: always(system.withinCapacity) }
      },
      expected: "holds",
      role: "control",
      because: "the NodeResourcesFit filter binds only where the request fits what is left",
    },
    {
      name: "room-for-all/pod2-infinitely-often-fits",
      build: () => {
        const system = placementSystem({ kind: "pod", capacities: [4, 2], requests: [2, 2, 2], churn: "evict" })
        return { system, formula: alwaysEventually(system.fitsItsNode(2)) }
      },
      expected: "holds",
      role: "claim",
      because: "after every eviction some node has room, so the fair scheduler binds the pod again",
    },
    {
      name: "request-exceeds-every-node/pod1-infinitely-often-fits",
      build: () => {
        const system = placementSystem({ kind: "pod", capacities: [4, 2], requests: [2, 6], churn: "evict" })
        return { system, formula: alwaysEventually(system.fitsItsNode(1)) }
      },
      expected: "violated",
      role: "claim",
      because: "a 6-cpu pod is larger than every node: it is never bound, the proposition never holds",
    },
  ],
}
