/**
 * # 06 · Runtime state machines as free categories
 *
 * A state machine is a graph: states and transitions. Its *free category* has the states as
 * objects and the runs (paths of transitions) as arrows; composing runs is concatenating them.
 *
 * The seed (S3) draws simplified machines: a Pod goes Pending → Running → Succeeded | Failed and
 * "any → Terminating"; a VM goes Stopped → Starting → Running ⇄ Paused | Migrating → Stopping →
 * Stopped. The real systems differ: Kubernetes has no Terminating *phase* (it is a deletion
 * timestamp), a VMI goes Pending → Scheduling → Scheduled → Running, and a VM's status is derived
 * each sync, not a transition system. catcluster keeps both, side by side, and checks the seed's
 * claims against them: the product of the two machines (S3.3), the map η : Pod → VM (S3.4) and
 * the state counts (S3.5).
 */
import { checkS3_5, seedEta } from "catcluster/domain/claims"
import {
  checkStateMap,
  countCompletions,
  freeCategory,
  podPhases,
  productCategory,
  seedPodMachine,
  seedVmMachine,
  shortestRun,
  vmiPhases,
} from "catcluster/domain/state"

// The real Pod phases: which are terminal (absorbing)?
console.log(`${podPhases.name}: ${podPhases.states.join(", ")}; terminal: ${podPhases.terminal.join(", ")}`)
//> Pod phase (Kubernetes v1.35): Pending, Running, Succeeded, Failed, Unknown; terminal: Succeeded, Failed

// Runs are arrows: the shortest run of a VMI from Pending to Running, composed in the free category.
const T = freeCategory(vmiPhases)
const run = shortestRun(vmiPhases, "Pending", "Running") ?? []
const composite = run
  .map((t) => T.generator(vmiPhases.transitions.indexOf(t)))
  .reduce((acc, f) => T.compose(f, acc), T.id("Pending"))
console.log(`VMI: ${T.showArrow(composite)}`)
//> VMI: Pending → Scheduling → Scheduled → Running

// S3.3: the product of the seed's two machines, with its projections.
const R = productCategory(freeCategory(seedPodMachine), freeCategory(seedVmMachine))
const pair = R.pair(freeCategory(seedPodMachine).generator(0), freeCategory(seedVmMachine).generator(0))
console.log(`a product arrow: ${R.category.showArrow(pair)}; π₂ of it: ${R.second.target.showArrow(R.second.onArrows(pair))}`)
//> a product arrow: (Pending → Running, Stopped → Starting); π₂ of it: Stopped → Starting

// S3.4: η maps Pod states to VM states. Which Pod transitions have no image?
const eta = checkStateMap(seedPodMachine, seedVmMachine, seedEta)
console.log(`η is a functor: ${eta.functor}`)
//> η is a functor: false
for (const t of eta.noImage) console.log(`  no image: ${t}`)
//> no image: Running → Succeeded (complete)
const completions = countCompletions(seedPodMachine, seedVmMachine, seedEta)
console.log(`completions of η: ${completions.completions}, functors ${completions.functors}, graph homomorphisms ${completions.homomorphisms}`)
//> completions of η: 36, functors 36, graph homomorphisms 0

// S3.5: the counts behind "169 state pairs".
console.log(`S3.5 ${checkS3_5().verdict}: ${checkS3_5().summary}`)
//> S3.5 fails
