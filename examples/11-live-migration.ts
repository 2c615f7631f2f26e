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
import { activeWhileRunning, describeOutcome, diverges, simulateMigration } from "../src/dynamics/migration/index.ts"

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
