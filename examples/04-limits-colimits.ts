/**
 * # 04 · Limits and colimits in FinSet, with their universal arrows
 *
 * A *limit* of a diagram is the best object that maps into all of it compatibly: every other
 * compatible family (a *cone*) factors through it by exactly one arrow, the *mediating* arrow.
 * A *colimit* is the dual: the best object everything maps out to, gluing what the diagram
 * says is the same.
 *
 * In finite sets these are concrete. The seed reads them as (S1.9) "limits = the compatible
 * intersection of components, colimits = the union of capabilities modulo relations", and
 * (S5.1) "the occupation of many workloads is a colimit ⨆ Cᵢ / ~". Below:
 *
 * 1. a pullback: pods by required node label × nodes by label = the feasible (pod, node) pairs,
 *    and the mediating arrow of a competing cone (a placement plan);
 * 2. a pushout: Kubernetes Pod capabilities and KubeVirt VMI capabilities glued along the ones
 *    they share = the capabilities of a hybrid cluster, and the mediating arrow of a cocone;
 * 3. the universal property checked as a law, exhaustively, on every competing cone;
 * 4. currying, FinSet(X × A, B) ≅ FinSet(X, Bᴬ) (S1.7), both round trips on every arrow.
 */
import {
  curryingIso,
  elementLabel,
  exponential,
  finSet,
  finSetCategory,
  fromLabels,
  labelledSet,
  pullback,
  pushout,
  showFunction,
} from "catcluster/category/finset"
import { limitLaws, printVerdict, runSuite } from "catcluster/laws"

// ── 1. Pullback: feasible placements ────────────────────────────────────────────────────
// Each pod requires one node label (a nodeSelector), each node carries one label.
const labels = labelledSet(["ssd", "gpu", "arm64"])
const pods = labelledSet(["web", "trainer", "cache"])
const nodes = labelledSet(["node-a", "node-b", "node-c"])
const requires = fromLabels(pods, labels, { web: "ssd", trainer: "gpu", cache: "ssd" })
const carries = fromLabels(nodes, labels, { "node-a": "ssd", "node-b": "gpu", "node-c": "ssd" })

// The pullback is {(pod, node) | requires(pod) = carries(node)}: exactly the feasible pairs.
const feasible = pullback(requires, carries)
console.log(`feasible placements: ${feasible.apex.labels?.join(" ")}`)
//> feasible placements: (web, node-a) (web, node-c) (trainer, node-b) (cache, node-a) (cache, node-c)

// A competing cone: a placement plan, i.e. a set of decisions with a pod and a node each, on
// which the labels agree. It factors through the pullback by exactly one arrow: the mediator
// tells, for each decision, which feasible pair it is.
const plan = labelledSet(["monday", "tuesday"])
const planPods = fromLabels(plan, pods, { monday: "trainer", tuesday: "cache" })
const planNodes = fromLabels(plan, nodes, { monday: "node-b", tuesday: "node-c" })
const viaLabel = fromLabels(plan, labels, { monday: "gpu", tuesday: "ssd" })
const decision = feasible.mediate({ apex: plan, legs: [planPods, planNodes, viaLabel] })
console.log(`mediating arrow: ${showFunction(decision)}`)
//> mediating arrow: [monday↦(trainer, node-b), tuesday↦(cache, node-c)]

// A plan that puts the trainer (gpu) on node-a (ssd) is not a cone: mediate says where it breaks.
try {
  feasible.mediate({ apex: plan, legs: [planPods, fromLabels(plan, nodes, { monday: "node-a", tuesday: "node-c" }), viaLabel] })
} catch (e) {
  console.log((e as Error).message)
}
//> pullback: not a cone over the diagram: diagram arrow 1 (1 → 2) does not commute with the legs at element monday: ssd ≠ gpu

// ── 2. Pushout: a hybrid capability set (S1.9 colimit, S5.1) ────────────────────────────
// Capabilities of a Pod and of a VMI; the shared vocabulary maps into both (under their names).
const podCaps = labelledSet(["cpu-request", "memory-request", "probes", "volumes", "sidecars"])
const vmCaps = labelledSet(["vcpu", "guest-memory", "probes", "volumes", "live-migration", "cpu-pinning"])
const shared = labelledSet(["compute", "memory", "health", "storage"])
const inPod = fromLabels(shared, podCaps, { compute: "cpu-request", memory: "memory-request", health: "probes", storage: "volumes" })
const inVm = fromLabels(shared, vmCaps, { compute: "vcpu", memory: "guest-memory", health: "probes", storage: "volumes" })

// The pushout is (Pod caps + VMI caps) / (shared ones identified): 5 + 6 − 4 = 7 classes.
const hybrid = pushout(inPod, inVm)
console.log(`hybrid capabilities (${hybrid.nadir.size}): ${hybrid.nadir.labels?.join(", ")}`)
//> hybrid capabilities (7): cpu-request~vcpu, memory-request~guest-memory, probes, volumes, sidecars, live-migration, cpu-pinning

// A competing cocone: classify every capability as core, container-only or vm-only — agreeing
// on the shared ones. It factors through the hybrid set by exactly one arrow.
const tiers = labelledSet(["core", "container-only", "vm-only"])
const podTier = fromLabels(podCaps, tiers, {
  "cpu-request": "core",
  "memory-request": "core",
  probes: "core",
  volumes: "core",
  sidecars: "container-only",
})
const vmTier = fromLabels(vmCaps, tiers, {
  vcpu: "core",
  "guest-memory": "core",
  probes: "core",
  volumes: "core",
  "live-migration": "vm-only",
  "cpu-pinning": "vm-only",
})
const sharedTier = fromLabels(shared, tiers, { compute: "core", memory: "core", health: "core", storage: "core" })
const tier = hybrid.mediate({ nadir: tiers, legs: [podTier, vmTier, sharedTier] })
const vmOnly = Array.from(tier.map.keys()).filter((c) => elementLabel(tiers, tier.map[c]!) === "vm-only")
console.log(`vm-only: ${vmOnly.map((c) => elementLabel(hybrid.nadir, c)).join(", ")}`)
//> vm-only: live-migration, cpu-pinning

// ── 3. The universal property as a law ──────────────────────────────────────────────────
// On unlabelled copies (sizes are what matter), check the pullback against ALL cones from
// apexes of size 0, 1 and 2, and every candidate mediator: the law suite proves factorization
// and uniqueness on those apexes. A cone from a set X is a map X → feasible pairs, so there are
// 1 + 5 + 5² = 31 of them.
const small = finSetCategory([finSet(0), finSet(1), finSet(2)], { maxHom: 100_000 })
const verdict = runSuite(limitLaws(small, feasible, [finSet(0), finSet(1), finSet(2)], "pullback"))
console.log(printVerdict(verdict))
//> ✓ limit.factorization  leg_j ∘ mediate(c) = c.leg_j for every j  (exhaustive, 31 cases)
//> ✓ limit.uniqueness

// ── 4. Currying (S1.7) ──────────────────────────────────────────────────────────────────
// FinSet is cartesian closed: curry : FinSet(X × A, B) → FinSet(X, Bᴬ) is a bijection. With
// X = 2, A = 2, B = 3 both sides have 3⁴ = 81 arrows; both round trips hold on every one.
const report = curryingIso(finSet(2), exponential(finSet(2), finSet(3)))
console.log(`currying: ${report.uncurriedCount} ≅ ${report.curriedCount}, round trips ${report.leftRoundTrips}/${report.rightRoundTrips}, holds: ${report.holds}`)
//> currying: 81 ≅ 81, round trips 81/81, holds: true

