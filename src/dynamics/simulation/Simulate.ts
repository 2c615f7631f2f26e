/**
 * Running the closed loop. Effect drives time: the loop is a `Ref` of {@link LoopState} advanced
 * one simulated minute per `Effect.iterate` step, the pure {@link step} once per second inside.
 * (A first version repeated the tick on `Schedule.spaced` under `TestClock`: correct but ~9 s per
 * simulated half hour, since every tick is a scheduled sleep; the simulated clock is the state's
 * own second instead, which is what the step reads. One Effect step per second cost about two
 * thirds of a run; per minute, the same states come out at a fraction of it.)
 *
 * @since 0.1.0
 */
// the modules themselves: "effect"'s index loads all ~2,000 of its modules (about 0.6 s of start-up)
import * as Effect from "effect/Effect"
import * as Ref from "effect/Ref"
import type { HpaSpec } from "../autoscaling/index.ts"
import { emptyHistory } from "../autoscaling/index.ts"
import { makeRng } from "../random/index.ts"
import { sampleMany } from "../startup/index.ts"
import type { StepProfile } from "./LoadProfile.ts"
import { defaultProfile, sampleLoad } from "./LoadProfile.ts"
import type { Performance } from "./Performance.ts"
import { measure } from "./Performance.ts"
import type { LoopParams, Trace } from "./Step.ts"
import { initialState, referenceReplicas, step } from "./Step.ts"
import type { WorkloadKind } from "./Workload.ts"
import { workloadOf } from "./Workload.ts"

/**
 * What to simulate. Defaults: 1800 s, the default step profile, HPA min 2 / max 40 at 60 % CPU,
 * request 1000m, limit 2000m, sync 15 s; the predictor's τ from the workload and K_p = 1/(target·request)
 * (unit gain: the trend term adds exactly the replicas the extra CPU needs at the target).
 *
 * @since 0.1.0
 * @category model
 */
export interface SimulationOptions {
  readonly workload: WorkloadKind
  readonly predictor: boolean
  readonly seed: number
  readonly durationSeconds?: number
  readonly profile?: StepProfile
  readonly deadTimeSeconds?: number
  readonly gain?: number
  /**
   * The HPA to run (default {@link simulationHpa}). Its metrics must be CPU ones (Resource or
   * ContainerResource `cpu`, Utilization or AverageValue): the load is CPU.
   */
  readonly hpa?: HpaSpec
  /** Per-pod CPU request and limit, millicores (default 1000 and 2000; Infinity: no limit). */
  readonly requestMilli?: number
  readonly limitMilli?: number
  /** Replicas at second 0 (default: what the first second's nominal load needs). */
  readonly initialReplicas?: number
  /** Called about every simulated minute with the seconds done. */
  readonly onProgress?: (secondsDone: number) => void
}

/**
 * A run's parameters, series and measures.
 *
 * @since 0.1.0
 * @category model
 */
export interface SimulationResult {
  readonly workload: WorkloadKind
  readonly predictor: boolean
  readonly seed: number
  readonly durationSeconds: number
  readonly deadTimeSeconds: number
  readonly gain: number
  readonly startup: { readonly family: string; readonly parameters: Readonly<Record<string, number>> }
  /** The CPU target as a utilization of the request, percent. */
  readonly targetUtilization: number
  readonly requestMilli: number
  readonly series: Trace
  readonly performance: Performance
}

const TARGET = 60
const REQUEST = 1000

/**
 * The HPA of the simulation: CPU at 60 %, 2 … 40 replicas, no `behavior`.
 *
 * @since 0.1.0
 * @category constants
 */
export const simulationHpa: HpaSpec = {
  minReplicas: 2,
  maxReplicas: 40,
  metrics: [{ type: "Resource", name: "cpu", target: { type: "Utilization", averageUtilization: TARGET } }],
}

/**
 * The CPU target of an HPA as a utilization of the per-pod request, percent: the first CPU
 * metric's `averageUtilization`, or its `averageValue` over the request.
 *
 * @example
 * import { cpuTargetUtilization, simulationHpa } from "catcluster/dynamics/simulation"
 * cpuTargetUtilization(simulationHpa, 1000) // 60
 *
 * @since 0.1.0
 * @category simulation
 */
export const cpuTargetUtilization = (spec: HpaSpec, requestMilli: number): number => {
  const cpu = spec.metrics.find((m) => m.type === "Resource" && m.name === "cpu")
  if (cpu === undefined) throw new RangeError("the simulated HPA needs a cpu Resource metric (the load is CPU)")
  const t = cpu.target
  if (t.type === "Utilization") return t.averageUtilization
  if (t.type === "AverageValue") return (100 * t.averageValue) / requestMilli
  throw new RangeError("a cpu Resource metric takes a Utilization or AverageValue target")
}

/**
 * Simulates the loop for `durationSeconds` as an Effect (see the module note).
 *
 * @since 0.1.0
 * @category simulation
 */
export const simulateEffect = (options: SimulationOptions): Effect.Effect<SimulationResult> => {
  const duration = Math.max(1, Math.floor(options.durationSeconds ?? 1800))
  const workload = workloadOf(options.workload)
  const rng = makeRng(options.seed)
  const { nominal, load } = sampleLoad(options.profile ?? defaultProfile, duration, rng)
  const latency = sampleMany(workload.startup, 4096, rng)
  const spec = options.hpa ?? simulationHpa
  const request = options.requestMilli ?? REQUEST
  const target = cpuTargetUtilization(spec, request)
  const params: LoopParams = {
    spec,
    targetUtilization: target,
    requestMilli: request,
    limitMilli: options.limitMilli ?? 2 * request,
    syncSeconds: 15,
    metricWindowSeconds: 15,
    predictor: options.predictor,
    deadTimeSeconds: options.deadTimeSeconds ?? workload.deadTimeSeconds,
    gain: options.gain ?? 1 / ((target / 100) * request),
  }
  const trace: Trace = {
    load: new Float64Array(duration),
    reference: new Float64Array(duration),
    ready: new Float64Array(duration),
    pods: new Float64Array(duration),
    desired: new Float64Array(duration),
    observed: new Float64Array(duration),
    lyapunov: new Float64Array(duration),
  }
  const streams = { load, nominal, latency }
  const start = options.initialReplicas ?? referenceReplicas(params, nominal[0] ?? 0)

  const program = Effect.gen(function* () {
    const state = yield* Ref.make(initialState(start, emptyHistory))
    // One Effect step per simulated minute, the pure step once per second inside it: the same
    // sequence of states as one Effect step per second, at a sixtieth of the Effect overhead.
    const minute = Effect.gen(function* () {
      let s = yield* Ref.get(state)
      const end = Math.min(duration, s.t + 60)
      while (s.t < end) {
        const { next, record } = step(params, streams, trace, s)
        const t = s.t
        trace.load[t] = record.load
        trace.reference[t] = record.reference
        trace.ready[t] = record.ready
        trace.pods[t] = record.pods
        trace.desired[t] = record.desired
        trace.observed[t] = record.observed
        trace.lyapunov[t] = record.lyapunov
        if (options.onProgress !== undefined && t % 60 === 59) options.onProgress(t + 1)
        s = next
      }
      yield* Ref.set(state, s)
      return s.t
    })
    yield* Effect.iterate(0, { while: (t) => t < duration, body: () => minute })
  })

  return program.pipe(
    Effect.map(
      (): SimulationResult => ({
        workload: options.workload,
        predictor: options.predictor,
        seed: options.seed,
        durationSeconds: duration,
        deadTimeSeconds: params.deadTimeSeconds,
        gain: params.gain,
        startup: { family: workload.startup.family, parameters: workload.startup.parameters },
        targetUtilization: target,
        requestMilli: request,
        series: trace,
        performance: measure(trace, duration, request),
      }),
    ),
  )
}

/**
 * Simulates the HPA closed loop for a container or VM workload, with or without the Smith
 * predictor, from a seed; returns the per-second series and the performance measures.
 *
 * @example
 * import { simulateAutoscaling } from "catcluster/dynamics/simulation"
 * const run = simulateAutoscaling({ workload: "vm", predictor: true, seed: 7, durationSeconds: 1800 })
 * run.performance.sloViolationSeconds
 *
 * @since 0.1.0
 * @category simulation
 */
export const simulateAutoscaling = (options: SimulationOptions): SimulationResult => Effect.runSync(simulateEffect(options))
