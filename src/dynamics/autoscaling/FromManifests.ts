/**
 * Reading a real snapshot for the replica calculator: an `autoscaling/v2`
 * HorizontalPodAutoscaler, a PodList (phase, Ready condition, start time, deletion timestamp,
 * container requests) and a `metrics.k8s.io/v1beta1` PodMetricsList, plus an optional
 * recommendation history. Manifests go through the project's io-ts codecs
 * (`domain/manifest`); the parts those keep opaque (pod `status`, HPA `status`, PodMetrics)
 * are decoded here. Every problem is a {@link SnapshotInputError} naming file, document and
 * JSON path.
 *
 * @since 0.1.0
 */
import * as E from "fp-ts/lib/Either.js"
import * as t from "io-ts"
import type { Manifest, MetricSpec } from "../../domain/manifest/index.ts"
import { appendPath, decodeManifests, showManifestError, validationPath, validationProblem } from "../../domain/manifest/index.ts"
import type { Quantity } from "../../domain/quantity/index.ts"
import { milliValue, parseQuantity } from "../../domain/quantity/index.ts"
import type { Behavior, PartialRules } from "./Behavior.ts"
import { withDefaults } from "./Behavior.ts"
import type { HpaSpec, Metric, Target } from "./Controller.ts"
import { defaultMetrics } from "./Controller.ts"
import type { History, Timestamped } from "./Normalization.ts"
import type { PodPhase, PodSnapshot, PodUsage } from "./Snapshot.ts"

/**
 * Bad snapshot input: the file, where in it (document, JSON path) and what is wrong.
 *
 * @since 0.1.0
 * @category errors
 */
export class SnapshotInputError extends Error {
  readonly _tag = "SnapshotInputError" as const
  constructor(
    readonly file: string,
    readonly path: string,
    readonly problem: string,
  ) {
    // Manifest errors already start with the file (and line): keep them as they are.
    super(path === "" && problem.startsWith(file) ? problem : `${file}${path === "" ? "" : `: ${path}`}: ${problem}`)
    this.name = "SnapshotInputError"
  }
}

const where = (m: Manifest, inner: string): string => {
  const item = m.source.item === undefined ? "" : `items[${m.source.item}]`
  const doc = `document ${m.source.document}`
  const path = [item, inner].filter((s) => s !== "").join(inner.startsWith("[") ? "" : ".")
  return path === "" ? doc : `${doc}, ${path}`
}

const decodeAll = (text: string, file: string): ReadonlyArray<Manifest> => {
  const r = decodeManifests(text, file)
  if (E.isLeft(r)) throw new SnapshotInputError(file, "", r.left.map(showManifestError).join("\n"))
  return r.right
}

/**
 * Decodes `value` (found at `base` inside the place `at` renders) or throws the first io-ts error
 * in one line, path and problem, as the manifest decoder reports its own.
 */
const decodeWith = <A>(codec: t.Decoder<unknown, A>, value: unknown, file: string, at: (path: string) => string, base = ""): A => {
  const r = codec.decode(value)
  if (E.isRight(r)) return r.right
  const first = r.left[0]
  if (first === undefined) throw new SnapshotInputError(file, at(base), `not a valid ${codec.name}`)
  throw new SnapshotInputError(file, at(validationPath(first.context).reduce(appendPath, base)), validationProblem(first))
}

/** An RFC 3339 time as ms. */
const Time = new t.Type<number, string, unknown>(
  "RFC3339 time",
  (u): u is number => typeof u === "number",
  (u, c) => {
    if (typeof u !== "string") return t.failure(u, c, `expected an RFC 3339 time, got ${JSON.stringify(u)}`)
    const ms = Date.parse(u)
    return /^\d{4}-\d\d-\d\dT/.test(u) && Number.isFinite(ms) ? t.success(ms) : t.failure(u, c, `expected an RFC 3339 time, got ${JSON.stringify(u)}`)
  },
  (n) => new Date(n).toISOString(),
)

/** A Go duration as the metrics API writes it (`15s`, `1m0s`, `500ms`) in ms. */
const GoDuration = new t.Type<number, string, unknown>(
  "duration",
  (u): u is number => typeof u === "number",
  (u, c) => {
    if (typeof u !== "string") return t.failure(u, c, `expected a duration like "15s", got ${JSON.stringify(u)}`)
    const re = /(\d+(?:\.\d+)?)(h|ms|m|s)/gy
    let ms = 0
    let matched = 0
    for (let m = re.exec(u); m !== null; m = re.exec(u)) {
      const v = Number(m[1])
      ms += m[2] === "h" ? v * 3_600_000 : m[2] === "m" ? v * 60_000 : m[2] === "s" ? v * 1000 : v
      matched = re.lastIndex
    }
    return matched === u.length && u.length > 0 ? t.success(ms) : t.failure(u, c, `expected a duration like "15s", got ${JSON.stringify(u)}`)
  },
  (n) => `${n / 1000}s`,
)

const Milli = new t.Type<number, string, unknown>(
  "quantity",
  (u): u is number => typeof u === "number",
  (u, c) => {
    if (typeof u !== "string" && typeof u !== "number") return t.failure(u, c, `expected a quantity, got ${JSON.stringify(u)}`)
    const q = parseQuantity(u)
    return E.isRight(q) ? t.success(Number(milliValue(q.right))) : t.failure(u, c, `expected a quantity, got ${JSON.stringify(u)}`)
  },
  (n) => `${n}m`,
)

const PodStatusCodec = t.partial(
  {
    phase: t.keyof({ Pending: null, Running: null, Succeeded: null, Failed: null, Unknown: null }, "PodPhase"),
    startTime: Time,
    conditions: t.array(
      t.intersection([t.type({ type: t.string, status: t.keyof({ True: null, False: null, Unknown: null }, "ConditionStatus") }), t.partial({ lastTransitionTime: Time })]),
    ),
  },
  "PodStatus",
)

const PodMetricsCodec = t.type(
  {
    metadata: t.type({ name: t.string }),
    timestamp: Time,
    window: GoDuration,
    containers: t.array(t.type({ name: t.string, usage: t.record(t.string, Milli) })),
  },
  "PodMetrics",
)

const HpaStatusCodec = t.partial({ currentReplicas: t.Int }, "HorizontalPodAutoscalerStatus")

const milli = (q: Quantity): number => Number(milliValue(q))

/**
 * The pods of a PodList (or any file of Pods) as the calculator reads them.
 *
 * @since 0.1.0
 * @category decoding
 */
export const podsFromText = (text: string, file: string): ReadonlyArray<PodSnapshot> =>
  decodeAll(text, file).flatMap((m) => {
    if (m.kind !== "Pod") return []
    const status = decodeWith(PodStatusCodec, m.status ?? {}, file, (path) => where(m, path), "status")
    const name = m.metadata?.name
    if (name === undefined) throw new SnapshotInputError(file, where(m, "metadata.name"), "a pod needs a name (metrics are matched by name)")
    const ready = status.conditions?.find((c) => c.type === "Ready")
    const sidecars = (m.spec.initContainers ?? []).filter((c) => c.restartPolicy === "Always")
    const containers = [...m.spec.containers, ...sidecars].map((c) => ({
      name: c.name,
      requests: Object.fromEntries(Object.entries(c.resources?.requests ?? {}).map(([k, q]) => [k, milli(q)])),
    }))
    const pod: PodSnapshot = {
      name,
      phase: (status.phase ?? "Pending") as PodPhase,
      deleting: m.metadata?.deletionTimestamp !== undefined,
      ...(status.startTime === undefined ? {} : { startTime: status.startTime }),
      ...(ready === undefined ? {} : { ready: { status: ready.status, lastTransitionTime: ready.lastTransitionTime ?? 0 } }),
      containers,
      ...(m.spec.resources?.requests === undefined ? {} : { podRequests: Object.fromEntries(Object.entries(m.spec.resources.requests).map(([k, q]) => [k, milli(q)])) }),
    }
    return [pod]
  })

/**
 * The entries of a `metrics.k8s.io/v1beta1` PodMetricsList (or PodMetrics documents).
 *
 * @since 0.1.0
 * @category decoding
 */
export const usageFromText = (text: string, file: string): ReadonlyArray<PodUsage> =>
  decodeAll(text, file).flatMap((m) => {
    if (m.kind !== "Unknown" || m.declaredKind !== "PodMetrics") return []
    const d = decodeWith(PodMetricsCodec, m.raw, file, (path) => where(m, path))
    return [{ name: d.metadata.name, timestamp: d.timestamp, window: d.window, containers: d.containers }]
  })

const targetOf = (target: MetricSpec["resource"] extends infer R ? (R extends { target: infer T } ? T : never) : never, file: string, path: string): Target => {
  if (target.type === "Utilization") {
    if (target.averageUtilization === undefined) throw new SnapshotInputError(file, `${path}.averageUtilization`, "required for a Utilization target")
    return { type: "Utilization", averageUtilization: target.averageUtilization }
  }
  if (target.type === "AverageValue") {
    if (target.averageValue === undefined) throw new SnapshotInputError(file, `${path}.averageValue`, "required for an AverageValue target")
    return { type: "AverageValue", averageValue: milli(target.averageValue) }
  }
  if (target.value === undefined) throw new SnapshotInputError(file, `${path}.value`, "required for a Value target")
  return { type: "Value", value: milli(target.value) }
}

const metricOf = (m: MetricSpec, file: string, path: string): Metric => {
  const need = <A>(a: A | undefined, field: string): A => {
    if (a === undefined) throw new SnapshotInputError(file, `${path}.${field}`, `required for type ${m.type}`)
    return a
  }
  switch (m.type) {
    case "Resource": {
      const r = need(m.resource, "resource")
      return { type: "Resource", name: r.name, target: targetOf(r.target, file, `${path}.resource.target`) }
    }
    case "ContainerResource": {
      const r = need(m.containerResource, "containerResource")
      return { type: "Resource", name: r.name, container: r.container, target: targetOf(r.target, file, `${path}.containerResource.target`) }
    }
    case "Pods": {
      const r = need(m.pods, "pods")
      return { type: "Pods", name: r.metric.name, target: targetOf(r.target, file, `${path}.pods.target`) }
    }
    case "Object": {
      const r = need(m.object, "object")
      return { type: "Object", name: r.metric.name, target: targetOf(r.target, file, `${path}.object.target`) }
    }
    case "External": {
      const r = need(m.external, "external")
      return { type: "External", name: r.metric.name, target: targetOf(r.target, file, `${path}.external.target`) }
    }
  }
}

type RawRules = NonNullable<NonNullable<import("../../domain/manifest/index.ts").HorizontalPodAutoscaler["spec"]["behavior"]>["scaleUp"]>

const rulesOf = (r: RawRules | undefined): PartialRules | undefined =>
  r === undefined
    ? undefined
    : {
        ...(r.stabilizationWindowSeconds === undefined ? {} : { stabilizationWindowSeconds: r.stabilizationWindowSeconds }),
        ...(r.selectPolicy === undefined ? {} : { selectPolicy: r.selectPolicy }),
        ...(r.policies === undefined ? {} : { policies: r.policies }),
        ...(r.tolerance === undefined ? {} : { tolerance: Number(r.tolerance.nanos) / 1e9 }),
      }

/**
 * The first HorizontalPodAutoscaler of a file: its spec with the API defaults (min 1, CPU 80 %,
 * behavior defaults when `behavior` is present) and `status.currentReplicas` when set.
 *
 * @example
 * import { hpaFromText } from "catcluster/dynamics/autoscaling"
 * const hpa = hpaFromText(`apiVersion: autoscaling/v2
 * kind: HorizontalPodAutoscaler
 * metadata: { name: web }
 * spec:
 *   scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
 *   maxReplicas: 10
 * `, "hpa.yaml")
 * hpa.spec.minReplicas  // 1 (the API default)
 * hpa.spec.metrics      // [{ type: "Resource", name: "cpu", target: { type: "Utilization", averageUtilization: 80 } }]
 *
 * @since 0.1.0
 * @category decoding
 */
export const hpaFromText = (text: string, file: string): { readonly name: string; readonly spec: HpaSpec; readonly currentReplicas: number | undefined } => {
  const hpa = decodeAll(text, file).find((m) => m.kind === "HorizontalPodAutoscaler")
  if (hpa === undefined || hpa.kind !== "HorizontalPodAutoscaler") throw new SnapshotInputError(file, "", "no HorizontalPodAutoscaler in the file")
  return hpaFromManifest(hpa)
}

/**
 * {@link hpaFromText} on an already decoded HorizontalPodAutoscaler.
 *
 * @since 0.1.0
 * @category decoding
 */
export const hpaFromManifest = (
  hpa: Extract<Manifest, { kind: "HorizontalPodAutoscaler" }>,
): { readonly name: string; readonly spec: HpaSpec; readonly currentReplicas: number | undefined } => {
  const file = hpa.source.file
  const metrics = hpa.spec.metrics === undefined || hpa.spec.metrics.length === 0 ? defaultMetrics : hpa.spec.metrics.map((m, i) => metricOf(m, file, where(hpa, `spec.metrics[${i}]`)))
  const status = decodeWith(HpaStatusCodec, hpa.status ?? {}, file, (path) => where(hpa, path), "status")
  const b = hpa.spec.behavior
  const up = rulesOf(b?.scaleUp)
  const down = rulesOf(b?.scaleDown)
  const behavior: Behavior | undefined = b === undefined ? undefined : withDefaults({ ...(up === undefined ? {} : { scaleUp: up }), ...(down === undefined ? {} : { scaleDown: down }) })
  const minReplicas = hpa.spec.minReplicas ?? 1
  if (hpa.spec.maxReplicas < minReplicas) throw new SnapshotInputError(file, where(hpa, "spec.maxReplicas"), `must be ≥ minReplicas (${minReplicas})`)
  return {
    name: hpa.metadata?.name ?? "",
    spec: { minReplicas, maxReplicas: hpa.spec.maxReplicas, metrics, ...(behavior === undefined ? {} : { behavior }) },
    currentReplicas: status.currentReplicas,
  }
}

const EventsCodec = t.array(t.type({ value: t.Int, time: Time }))
const HistoryCodec = t.partial({ recommendations: EventsCodec, scaleUpEvents: EventsCodec, scaleDownEvents: EventsCodec }, "History")

/**
 * A recommendation history, JSON or YAML:
 * `{"recommendations":[{"value":5,"time":"2026-11-27T04:00:00Z"}],"scaleUpEvents":[…],"scaleDownEvents":[…]}`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const historyFromValue = (value: unknown, file: string): History => {
  const h = decodeWith(HistoryCodec, value, file, (path) => path)
  const list = (xs: ReadonlyArray<{ value: number; time: number }> | undefined): ReadonlyArray<Timestamped> => xs ?? []
  return { recommendations: list(h.recommendations), scaleUpEvents: list(h.scaleUpEvents), scaleDownEvents: list(h.scaleDownEvents) }
}
