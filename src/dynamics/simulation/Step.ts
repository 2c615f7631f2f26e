/**
 * The closed loop, one second at a time: offered load → per-pod CPU → (every 15 s) the HPA →
 * pods created, each Ready after its sampled start-up latency. The step is a pure function of
 * the state, the pre-sampled random streams and the trace of earlier seconds (which the Smith
 * predictor reads τ seconds back); the driver writes what it returns into the trace.
 *
 * The HPA is the real one (`dynamics/autoscaling`, Kubernetes v1.35, with the spec's `behavior`
 * when it has one, else the 5-minute downscale stabilisation): the metric snapshot has Pending
 * pods for those still starting, CPU samples with a 15 s window. The Smith predictor's proposal
 * goes through the same normalisation.
 *
 * @since 0.1.0
 */
import type { History, HpaSpec, PodSnapshot, PodUsage } from "../autoscaling/index.ts"
import { defaultTolerances, isWithin, normalize, normalizeWithBehavior, reconcile, recordScaleEvent } from "../autoscaling/index.ts"

/**
 * Fixed parameters of a run.
 *
 * @since 0.1.0
 * @category model
 */
export interface LoopParams {
  readonly spec: HpaSpec
  /** CPU target utilization, percent (the spec's single Resource metric). */
  readonly targetUtilization: number
  /** Per-pod CPU request and limit, millicores. */
  readonly requestMilli: number
  readonly limitMilli: number
  readonly syncSeconds: number
  readonly metricWindowSeconds: number
  /** Smith predictor on, with dead time τ (s) and gain K_p (replicas per millicore). */
  readonly predictor: boolean
  readonly deadTimeSeconds: number
  readonly gain: number
}

/**
 * The random inputs, drawn up front from the seed: noisy load per second, its noise-free level,
 * and a stream of start-up latencies consumed in pod-creation order.
 *
 * @since 0.1.0
 * @category model
 */
export interface Streams {
  readonly load: Float64Array
  readonly nominal: Float64Array
  readonly latency: Float64Array
}

/**
 * Per-second series (index = second).
 *
 * @since 0.1.0
 * @category model
 */
export interface Trace {
  readonly load: Float64Array
  /** The replicas the load needs: ⌈nominal/(target·request)⌉ clamped to [min, max]. */
  readonly reference: Float64Array
  readonly ready: Float64Array
  /** Pods that exist (ready or starting). */
  readonly pods: Float64Array
  /** The HPA's last desired replicas. */
  readonly desired: Float64Array
  /** CPU the metrics show, Σ over ready pods, millicores. */
  readonly observed: Float64Array
  /** V = (ready − reference)². */
  readonly lyapunov: Float64Array
}

/**
 * The loop's state at the start of second `t`.
 *
 * @since 0.1.0
 * @category model
 */
export interface LoopState {
  readonly t: number
  readonly ids: Int32Array
  readonly created: Float64Array
  readonly readyAt: Float64Array
  readonly nextId: number
  readonly latencyCursor: number
  readonly desired: number
  readonly history: History
}

/**
 * One second's record.
 *
 * @since 0.1.0
 * @category model
 */
export interface Record1 {
  readonly load: number
  readonly reference: number
  readonly ready: number
  readonly pods: number
  readonly desired: number
  readonly observed: number
  readonly lyapunov: number
}

/**
 * `replicas` pods, all Ready long before second 0.
 *
 * @since 0.1.0
 * @category constructors
 */
export const initialState = (replicas: number, history: History): LoopState => ({
  t: 0,
  ids: Int32Array.from({ length: replicas }, (_, i) => i),
  created: new Float64Array(replicas).fill(-3600),
  readyAt: new Float64Array(replicas).fill(-3590),
  nextId: replicas,
  latencyCursor: 0,
  desired: replicas,
  history,
})

/**
 * The replicas a load needs at the target: ⌈load/(target/100·request)⌉ within [min, max].
 *
 * @since 0.1.0
 * @category simulation
 */
export const referenceReplicas = (params: LoopParams, load: number): number =>
  Math.min(params.spec.maxReplicas, Math.max(params.spec.minReplicas, Math.ceil(load / ((params.targetUtilization / 100) * params.requestMilli))))

const countReady = (readyAt: Float64Array, t: number): number => {
  let n = 0
  for (let i = 0; i < readyAt.length; i++) if (readyAt[i]! <= t) n++
  return n
}

/** The HPA's view at second t: Pending pods while starting, Running/Ready after. */
const snapshot = (
  state: LoopState,
  t: number,
  perPod: number,
  windowSeconds: number,
  requestMilli: number,
): { pods: PodSnapshot[]; usage: PodUsage[] } => {
  const pods: PodSnapshot[] = []
  const usage: PodUsage[] = []
  for (let i = 0; i < state.ids.length; i++) {
    const name = `pod-${state.ids[i]!}`
    const readyAt = state.readyAt[i]!
    const containers = [{ name: "app", requests: { cpu: requestMilli } }]
    if (readyAt > t) {
      pods.push({ name, phase: "Pending", deleting: false, containers })
      continue
    }
    pods.push({ name, phase: "Running", deleting: false, startTime: state.created[i]! * 1000, ready: { status: "True", lastTransitionTime: readyAt * 1000 }, containers })
    usage.push({ name, timestamp: t * 1000, window: windowSeconds * 1000, containers: [{ name: "app", usage: { cpu: Math.round(perPod) } }] })
  }
  return { pods, usage }
}

/**
 * The Smith predictor's proposal (S12.3): desired(t) = scale(metrics(t−τ)) + K_p·(m(t) − m(t−τ)),
 * where scale is the HPA's core rule (S12.1 with the 0.1 tolerance) on the metrics seen τ
 * seconds ago and m the CPU the metrics show; rounded up.
 *
 * @example
 * import { smithProposal } from "catcluster/dynamics/simulation"
 * // τ ago: 5 ready pods at 600m each (60 % of 1000m, target 60) → scale = 5; since then +3000m, K_p = 1/600
 * smithProposal({ observed: 3000, ready: 5, pods: 5 }, 6000, { targetUtilization: 60, requestMilli: 1000, gain: 1 / 600 }) // 10
 *
 * @since 0.1.0
 * @category simulation
 */
export const smithProposal = (
  past: { readonly observed: number; readonly ready: number; readonly pods: number },
  observedNow: number,
  params: { readonly targetUtilization: number; readonly requestMilli: number; readonly gain: number },
): number => {
  let scaled = past.pods
  if (past.ready > 0) {
    const utilization = Math.floor((100 * past.observed) / (past.ready * params.requestMilli))
    const ratio = utilization / params.targetUtilization
    if (!isWithin(defaultTolerances)(ratio)) scaled = Math.ceil(ratio * past.ready)
  }
  return Math.max(0, Math.ceil(scaled + params.gain * (observedNow - past.observed)))
}

/** Removes `count` pods: still-starting ones first (latest first), then the newest ready ones (ReplicaSet order). */
const removePods = (state: LoopState, count: number, t: number): Pick<LoopState, "ids" | "created" | "readyAt"> => {
  const n = state.ids.length
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const pa = state.readyAt[a]! > t ? 1 : 0
    const pb = state.readyAt[b]! > t ? 1 : 0
    if (pa !== pb) return pb - pa
    return pa === 1 ? state.readyAt[b]! - state.readyAt[a]! : state.created[b]! - state.created[a]!
  })
  const drop = new Set(order.slice(0, count))
  const keep = order.filter((i) => !drop.has(i)).sort((a, b) => a - b)
  return {
    ids: Int32Array.from(keep, (i) => state.ids[i]!),
    created: Float64Array.from(keep, (i) => state.created[i]!),
    readyAt: Float64Array.from(keep, (i) => state.readyAt[i]!),
  }
}

/**
 * One second of the loop. Returns the next state and this second's record.
 *
 * @since 0.1.0
 * @category simulation
 */
export const step = (params: LoopParams, streams: Streams, trace: Trace, state: LoopState): { readonly next: LoopState; readonly record: Record1 } => {
  const t = state.t
  const load = streams.load[t]!
  const ready = countReady(state.readyAt, t)
  const perPod = ready > 0 ? Math.min(load / ready, params.limitMilli) : 0
  const observed = perPod * ready
  let next: LoopState = { ...state, t: t + 1 }

  if (t > 0 && t % params.syncSeconds === 0) {
    const current = state.ids.length
    let desired: number
    let history: History
    if (params.predictor) {
      const back = Math.max(0, t - params.deadTimeSeconds)
      const past = { observed: trace.observed[back]!, ready: trace.ready[back]!, pods: trace.pods[back]! }
      const proposed = smithProposal(past, observed, params)
      // the HPA's own normalisation, with its `behavior` when it has one (as `reconcile` does)
      const args = { current, proposed, min: params.spec.minReplicas, max: params.spec.maxReplicas, now: t * 1000, history: state.history }
      const behavior = params.spec.behavior
      const r = behavior === undefined ? normalize(args) : normalizeWithBehavior({ ...args, behavior })
      desired = r.replicas
      history = behavior === undefined ? r.history : recordScaleEvent(r.history, behavior, current, r.replicas, t * 1000)
    } else {
      const view = snapshot(state, t, perPod, params.metricWindowSeconds, params.requestMilli)
      const r = reconcile(params.spec, { currentReplicas: current, pods: view.pods, usage: view.usage, now: t * 1000 }, state.history)
      desired = r.desiredReplicas
      history = r.history
    }
    next = { ...next, desired, history }
    if (desired > current) {
      const add = desired - current
      const ids = new Int32Array(desired)
      const created = new Float64Array(desired)
      const readyAt = new Float64Array(desired)
      ids.set(state.ids)
      created.set(state.created)
      readyAt.set(state.readyAt)
      for (let k = 0; k < add; k++) {
        ids[current + k] = state.nextId + k
        created[current + k] = t
        readyAt[current + k] = t + streams.latency[(state.latencyCursor + k) % streams.latency.length]!
      }
      next = { ...next, ids, created, readyAt, nextId: state.nextId + add, latencyCursor: state.latencyCursor + add }
    } else if (desired < current) {
      next = { ...next, ...removePods(state, current - desired, t) }
    }
  }
  const reference = referenceReplicas(params, streams.nominal[t]!)
  const error = ready - reference
  return {
    next,
    record: { load, reference, ready, pods: next.ids.length, desired: next.desired, observed, lyapunov: error * error },
  }
}
