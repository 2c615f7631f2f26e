/**
 * # 10 · Markov chains and MDPs: backend health
 *
 * The seed models a Service backend's health as a Markov chain on {Healthy, Unhealthy,
 * Starting, Terminating} (S7.4) and says "the stationary distribution π = πP gives the expected
 * number of available backends". Two things are worth learning here:
 *
 * 1. A stationary distribution is unique only when the chain has ONE closed class. The seed's
 *    Terminating state is absorbing and nothing leads to it, so there are two closed classes and
 *    two extreme stationary distributions. catcluster finds the classes (Tarjan), solves each one
 *    exactly in rational arithmetic, and reports both.
 * 2. An MDP adds choices. The seed claims "container → Restart, VM → Migrate" (S7.5) but gives
 *    no transitions for Restart or Migrate; the model states them as assumptions and computes the
 *    optimal policy with value iteration and with policy iteration, which must agree.
 */
import { Rational, analyse, expectedAvailable, seedHealthChain, stationaryExact, stationaryIterative, vmHealth } from "catcluster/dynamics/markov"
import { decideAtUnhealthy, healthMdp, policyIteration, showPolicy, switchingPoint, valueIteration } from "catcluster/dynamics/mdp"

// --- The chain's structure: which states talk to which.
const structure = analyse(seedHealthChain)
const name = (i: number) => seedHealthChain.states[i]
console.log(`closed classes: ${structure.closedClasses.map((k) => `{${structure.classes[k]!.states.map(name).join(", ")}}`).join(" ")}`)
//> closed classes: {Healthy, Unhealthy, Starting} {Terminating}
console.log(`absorbing: ${structure.absorbingStates.map(name).join(", ")}`)
//> absorbing: Terminating

// --- Stationary distributions, exactly: one extreme point per closed class.
const stationary = stationaryExact(seedHealthChain)
console.log(`unique: ${stationary.unique}`)
//> unique: false
for (const pi of stationary.extremePoints) console.log(`π = (${pi.map(Rational.show).join(", ")})`)
//> π = (860/877, 10/877, 7/877, 0)
//> π = (0, 0, 0, 1)

// A backend that is not yet terminating lives in the first class forever, so for it
// E[available] = π_Healthy = 860/877 ≈ 0.981; for 20 such backends, 20 times that.
const available = expectedAvailable(stationary.extremePoints[0]!, [0], 20)
console.log(`E[available of 20] = ${Rational.show(available)} ≈ ${Rational.toNumber(available).toFixed(3)}`)
//> E[available of 20] = 17200/877 ≈ 19.612

// The iterative method (power iteration on Float64Arrays, for large chains) agrees.
const iterative = stationaryIterative(seedHealthChain)
console.log(`iterative π_Healthy = ${iterative.extremePoints[0]![0]!.toFixed(12)}`)
//> iterative π_Healthy = 0.980615735462

// The VM variant: P(Starting→Healthy) = 0.7, the rest of the Starting row split 0.15 / 0.15.
console.log(vmHealth.assumption)
//> Starting row only: P(S→H) := 7/10
console.log(`VM π_Healthy = ${Rational.show(stationaryExact(vmHealth.chain).extremePoints[0]![0]!)}`)
//> VM π_Healthy = 790/807

// --- The health MDP: what should a controller do with an unhealthy backend?
for (const runtime of ["container", "vm"] as const) {
  const { mdp } = healthMdp({ runtime })
  const vi = showPolicy(mdp, valueIteration(mdp, { epsilon: 1e-9 }).policy)
  const pi = showPolicy(mdp, policyIteration(mdp).policy)
  console.log(`${runtime}: Unhealthy → ${pi["Unhealthy"]} (value and policy iteration agree: ${JSON.stringify(vi) === JSON.stringify(pi)})`)
}
//> container: Unhealthy → Restart (value and policy iteration agree: true)
//> vm: Unhealthy → Restart (value and policy iteration agree: true)

// So with C_migrate = −5 the VM half of the claim fails: a migration costs more than it saves.
// How cheap would migration have to be? Bisect on the advantage of Migrate over the best other action.
const threshold = switchingPoint("vm", "migrateCost", -20, 0, "Migrate", {}, 1e-9)!
console.log(`Migrate is optimal for a VM only when C_migrate > ${threshold.toFixed(3)}`)
//> Migrate is optimal for a VM only when C_migrate > -0.626
console.log(`at C_migrate = 0: ${decideAtUnhealthy({ runtime: "vm", migrateCost: 0 }, "Migrate").action}`)
//> at C_migrate = 0: Migrate
