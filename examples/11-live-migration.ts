/**
 * # 11 · Live migration: pre-copy, downtime, and when it never ends
 *
 * KubeVirt live-migrates a VM with QEMU's pre-copy: copy all memory while the guest runs, then
 * re-copy what the guest dirtied meanwhile, round after round, until what is left fits in the
 * downtime limit (300 ms by default) at the link's bandwidth. Then the source pauses, the rest is
 * sent (that is the downtime), and the VM resumes on the target.
 *
 * Each round lasts R/B seconds and leaves ρ·R/B dirty, so the rounds shrink by q = ρ/B. When the
 * guest dirties memory at least as fast as the link sends it (q ≥ 1) pre-copy never converges,
 * and KubeVirt v1.9's monitor aborts it once the whole seconds elapsed exceed 150 s per GiB
 * (or pauses the guest if `allowWorkloadDisruption` is set, or throttles the guest's CPU first
 * with auto-converge).
 *
 * The phases also settle the seed's invariant S13.2 "□(migration active → ¬ vmi.running)".
 */
import { activeWhileRunning, describeOutcome, diverges, simulateMigration } from "catcluster/dynamics/migration"
import { idleState, migrationMdp, solveMigrationMdp, sweepMigration } from "catcluster/dynamics/mdp"

// --- The worked example: 4 GiB of memory, a 1 GiB/s link, a guest dirtying 256 MiB/s.
const example = simulateMigration({ memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 256 })
// Round 1 sends 4096 MiB in 4 s (1024 MiB dirtied); round 2 sends those in 1 s (256 MiB dirtied);
// 256 MiB take 0.25 s ≤ 0.3 s, so QEMU pauses the source and sends them: 5.25 s in all.
console.log(describeOutcome(example))
//> completed after 2 pre-copy rounds: total 5.25 s, downtime 0.25 s, 5376 MiB sent
for (const phase of example.phases) {
  const end = Number.isFinite(phase.end) ? `${phase.end} s` : "…"
  console.log(`${phase.phase.padEnd(13)} ${phase.start} s – ${end}: source ${phase.source}, guest running: ${phase.guestRunning}, migration active: ${phase.migrationActive}`)
}
//> PreCopy       0 s – 5 s: source running, guest running: true, migration active: true
//> StopAndCopy   5 s – 5.25 s: source paused, guest running: false, migration active: true
//> TargetRunning 5.25 s – …: source shut-off, guest running: true, migration active: false

// S13.2 says the VMI is not running while a migration is active. Pre-copy is exactly the stretch
// where both hold: the invariant fails, with this phase as the counterexample.
const counterexample = activeWhileRunning(example, "guest-executing")
console.log(`S13.2 counterexample: ${counterexample?.phase} from ${counterexample?.start} s to ${counterexample?.end} s`)
//> S13.2 counterexample: PreCopy from 0 s to 5 s

// --- A guest dirtying 1.5 GiB/s over the same link: every round re-sends all 4 GiB.
const busy = { memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 1536 }
console.log(`diverges: ${diverges(busy)}`)
//> diverges: true
console.log(describeOutcome(simulateMigration(busy)))
//> aborted (completion-timeout) at 601.20 s

// Auto-converge throttles the guest's CPU (20%, then +10% every second heavy round) until
// the dirty rate falls below the bandwidth; then pre-copy converges.
const throttled = simulateMigration({ ...busy, allowAutoConverge: true })
console.log(`${describeOutcome(throttled)}; final throttle ${throttled.finalThrottle}%`)
//> completed after
//> final throttle 70%

// Allowing workload disruption instead pauses the guest at the deadline: long downtime, but done.
const paused = simulateMigration({ ...busy, allowWorkloadDisruption: true })
console.log(describeOutcome(paused))
//> (guest paused at the completion timeout)

// --- The first S13.2 invariant, □(preconditions → ◇ succeeded), fails for the busy guest:
// nothing in the migration itself guarantees it ever succeeds.
console.log(`busy guest ever migrated: ${simulateMigration(busy)._tag === "Completed"}`)
//> busy guest ever migrated: false

// --- The operator's side: the host must be drained within 60 s (12 epochs of 5 s). Each epoch
// the operator may wait, start (or continue) a migration, start one with auto-converge
// ("throttle"), or abort. The migration MDP takes its probabilities from the pre-copy model
// above (200 seeded dirty rates per level) and states what the seed leaves open (A1–A6 in
// src/dynamics/mdp/MigrationMdp.ts): e.g. missing the deadline costs a 75 s cold restart.
const operator = migrationMdp()
const solved = solveMigrationMdp(operator)
console.log(`operator MDP: ${operator.mdp.states.length} states; value and policy iteration agree: ${solved.disagreements.length === 0}`)
//> value and policy iteration agree: true
const busyLevel = operator.statistics[2]!
console.log(`dirty rate 1024–2048 MiB/s: plain pre-copy converged in ${busyLevel.migrate.completedFraction * 100}% of runs, with auto-converge in ${busyLevel.throttle.completedFraction * 100}%`)
//> plain pre-copy converged in 0% of runs, with auto-converge in 100%
// With time to spare, waiting for the guest to calm down is cheapest; with less, throttle it.
for (const left of [12, 6, 3]) console.log(`idle, busy guest, ${left} epochs left: ${solved.policy[idleState("high", left)]}`)
//> idle, busy guest, 12 epochs left: wait
//> idle, busy guest, 6 epochs left: throttle
//> idle, busy guest, 3 epochs left: throttle
// A faster link changes the answer: once the bandwidth exceeds every dirty rate, plain pre-copy wins.
for (const f of sweepMigration("bandwidthMiBps", [1024, 1536, 2048], [idleState("high", 6)]).flips) {
  console.log(`bandwidth ${f.between[0]} → ${f.between[1]} MiB/s: ${f.from} → ${f.to}`)
}
//> bandwidth 1024 → 1536 MiB/s: throttle → wait
//> bandwidth 1536 → 2048 MiB/s: wait → migrate
