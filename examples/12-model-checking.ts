/**
 * # 12 · Model checking the seed's invariants
 *
 * The seed states temporal claims about the cluster (S15): "no Pod and VMI share an IP"
 * (□ safety), "every Pending VM eventually runs" (◇ liveness). A *model checker* decides such
 * claims on a finite model by visiting every reachable state.
 *
 * catcluster's checker packs each state into a few 32-bit words, keeps the visited states in an
 * open-addressing hash set on typed arrays, and explores breadth-first, so the first violation it
 * meets comes with the *shortest* trace. Liveness is decided under *weak fairness*: a
 * controller's step that stays enabled is eventually taken, but a user may do nothing. A
 * liveness violation is a *lasso*: a path, then a cycle repeated forever.
 */
import {
  always,
  check,
  countVectors,
  explore,
  guarded,
  ipPoolSystem,
  leadsTo,
  placementSystem,
  product,
  proposition,
  showTrace,
  vmLifecycle,
} from "catcluster/verification"

// 1. A product of component machines: three VMs, each with the seed's six-state lifecycle
//    (Stopped → Starting → Running ↔ Paused/Migrating, Running → Stopping → Stopped).
const threeVms = product("3 VMs", [vmLifecycle("vm0"), vmLifecycle("vm1"), vmLifecycle("vm2")])
const graph = explore(threeVms)
console.log(`3 VMs: ${graph.states} states (6^3 = ${6 ** 3}), ${graph.transitions} transitions`)
//> 3 VMs: 216 states (6^3 = 216), 864 transitions

// 2. Safety, □p. IP addresses come from a pool; a workload being deleted keeps answering on its
//    address until its sandbox is torn down. Releasing the address on *delete* is a bug:
const buggy = ipPoolSystem({ pods: 2, vmis: 1, ips: 2, release: "on-delete" })
const bug = check(buggy, always(buggy.noSharedIp))
console.log(`release on delete: ${bug.status}`)
//> release on delete: violated
console.log(showTrace(bug.trace!))
//> create pod0
//> delete pod0
//> create vmi0

// Releasing only after teardown is safe in every reachable state:
const fixed = ipPoolSystem({ pods: 2, vmis: 1, ips: 2, release: "after-teardown" })
const safe = check(fixed, always(fixed.noSharedIp))
console.log(`release after teardown: ${safe.status} (${safe.stats.states} states)`)
//> release after teardown: holds (37 states)

// 3. Liveness, p ⇝ q. A VM asking for 6 cpu where every node has 4 never passes the scheduler's
//    filter: "every Pending VM eventually runs" (S15.2) fails, and the lasso shows it Pending
//    forever while the other VM runs.
const placement = placementSystem({ kind: "vm", capacities: [4, 4], requests: [2, 6], churn: "stop-start" })
const stuck = check(placement, leadsTo(placement.pending(1), placement.running(1)))
console.log(`vm1 Pending ⇝ Running: ${stuck.status}`)
//> vm1 Pending ⇝ Running: violated
console.log(showTrace(stuck.trace!))
//> -- cycle (repeats forever) --
//> (stutter)

// 4. Fairness decides liveness. A counter that a controller may increment (fairly) to 3:
const counter = (fair: boolean) =>
  guarded({
    name: "counter",
    fields: [{ name: "x", values: 4 }],
    initial: [[0]],
    commands: [{ action: "inc", fair, guard: (s) => s.get(0) < 3, update: (s, t) => t.set(0, s.get(0) + 1) }],
  })
const atThree = (c: ReturnType<typeof counter>) => proposition("x = 3", (w, at) => c.read(w, at, 0) === 3)
const fairCounter = counter(true)
const unfairCounter = counter(false)
console.log(`fair increments reach 3: ${check(fairCounter, leadsTo(proposition("true", () => true), atThree(fairCounter))).status}`)
//> fair increments reach 3: holds
console.log(`unfair increments reach 3: ${check(unfairCounter, leadsTo(proposition("true", () => true), atThree(unfairCounter))).status}`)
//> unfair increments reach 3: violated

// 5. Abstraction (S15.5/S15.6): n interchangeable pods with k states have kⁿ states; counting how
//    many are in each state leaves C(n+k−1, k−1): polynomial, but Θ(n²) for k = 3, not O(n·k).
console.log(`20 pods, 3 states: ${3 ** 20} concrete vs ${countVectors(20, 3)} counted (n·k = ${20 * 3})`)
//> 20 pods, 3 states: 3486784401 concrete vs 231 counted (n·k = 60)
