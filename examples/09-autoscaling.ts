/**
 * # 09 · Autoscaling: the HPA exactly, and what dead time does to it
 *
 * The HorizontalPodAutoscaler (Kubernetes v1.35) looks every 15 s at the pods' CPU and
 * proposes ⌈current · utilization / target⌉ replicas (S12.1), but only outside a ±10 % dead
 * band, after setting aside pods that are starting, missing a metric or being deleted; then it
 * stabilises (a scale-down waits for the highest recommendation of the last 5 minutes) and
 * limits a scale-up to max(2·current, 4).
 *
 * New replicas are not there at once: a container is Ready in about 2 s, a KubeVirt VM in
 * about a minute (the log-normal fitted to S4.1: mean 75 s, median 62 s). That dead time τ is
 * what a Smith predictor (S12.3) tries to compensate: desired = scale(metrics(t−τ)) +
 * K_p·(metrics(t) − metrics(t−τ)). The closed-loop simulation below runs both, from a seed,
 * and measures overshoot, reaction time, waste and SLO violations; V = (ready − reference)²
 * (S12.2) shows where the loop does not move towards its target.
 */
import { defaultReadinessTiming, defaultTolerances, emptyHistory, normalize, type PodSnapshot, resourceReplicas } from "catcluster/dynamics/autoscaling"
import { simulateAutoscaling } from "catcluster/dynamics/simulation"

// --- One sync by hand: three pods requesting 500m CPU, target 50 %.
const now = 3_600_000
const pod = (name: string, phase: "Running" | "Pending" = "Running"): PodSnapshot => ({
  name,
  phase,
  deleting: false,
  startTime: 0,
  ready: { status: "True", lastTransitionTime: 1000 },
  containers: [{ name: "app", requests: { cpu: 500 } }],
})
const sample = (value: number) => ({ value, timestamp: now, window: 15_000 })
const sync = (pods: PodSnapshot[], usage: Array<[string, number]>) =>
  resourceReplicas({
    currentReplicas: pods.length,
    pods,
    metrics: new Map(usage.map(([n, v]) => [n, sample(v)])),
    tolerances: defaultTolerances,
    now,
    timing: defaultReadinessTiming,
    resource: "cpu",
    targetUtilization: 50,
  })

// 825m of 1500m is 55 %: a ratio of exactly 1.1 is inside the dead band, nothing changes.
const calm = sync([pod("a"), pod("b"), pod("c")], [["a", 275], ["b", 275], ["c", 275]])
console.log(`55 % of target 50 %: ${calm._tag === "Proposal" ? calm.replicas : "-"} replicas`)
//> 55 % of target 50 %: 3 replicas

// 1500m is 100 %: ratio 2 → ⌈2·3⌉ = 6.
const busy = sync([pod("a"), pod("b"), pod("c")], [["a", 500], ["b", 500], ["c", 500]])
console.log(`100 % of target 50 %: ${busy._tag === "Proposal" ? busy.replicas : "-"} replicas`)
//> 100 % of target 50 %: 6 replicas

// The same load with one pod still Pending: on a scale-up it counts as 0 % usage,
// U' = ⌊100·1000/1500⌋ = 66 → ⌈1.32·3⌉ = 4: the HPA does not double-count what is starting.
const starting = sync([pod("a"), pod("b"), pod("c", "Pending")], [["a", 500], ["b", 500]])
console.log(`one pod still starting: ${starting._tag === "Proposal" ? starting.replicas : "-"} replicas`)
//> one pod still starting: 4 replicas

// A scale-down waits for the highest recommendation of the last 5 minutes.
const held = normalize({ current: 6, proposed: 2, min: 1, max: 10, now, history: { ...emptyHistory, recommendations: [{ value: 5, time: now - 120_000 }] } })
console.log(`proposal 2, recommended 5 two minutes ago: ${held.replicas} (${held.reasons[0]})`)
//> proposal 2, recommended 5 two minutes ago: 5 (ScaleDownStabilized)

// --- The closed loop: load steps from 3 to 12 cores at 120 s, back to 4 at 900 s (±5 % noise);
// HPA at 60 % of a 1000m request; reference = the replicas the noise-free load needs (20 after the step).
const seed = 20261127
console.log(`seed ${seed}`)
//> seed 20261127
for (const workload of ["container", "vm"] as const) {
  for (const predictor of [false, true]) {
    const run = simulateAutoscaling({ workload, predictor, seed, durationSeconds: 1800 })
    const p = run.performance
    const label = `${workload.padEnd(9)} ${predictor ? "Smith" : "HPA  "}`
    console.log(
      `${label} reaction ${String(p.reactionSeconds).padStart(3)} s  overshoot ${p.overshootReplicas} (${p.overshootPercent.toFixed(0)} %)  ` +
        `SLO-violation ${String(p.sloViolationSeconds).padStart(3)} s  wasted ${p.wastedReplicaSeconds} replica-s  V rising ${p.lyapunov.increasingSeconds} s`,
    )
  }
}
// VMs: the plain HPA needs minutes (each round of new VMs takes ~1 min to be Ready, and only then
// does their CPU show); the predictor reacts twice as fast and violates the SLO less, but its
// trend term also reads the CPU that arriving pods unlock as load growth, and overshoots.
//> container HPA   reaction  47 s  overshoot 1 (5 %)
//> container Smith reaction  18 s  overshoot 3 (15 %)
//> vm        HPA   reaction 268 s  overshoot 1 (5 %)  SLO-violation  75 s
//> vm        Smith reaction 105 s  overshoot 5 (25 %)  SLO-violation  52 s
