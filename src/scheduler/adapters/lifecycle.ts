/**
 * What an object's metadata and a pod's status say about its life: creation time (RFC 3339 →
 * milliseconds), whether it is being deleted, its controller (the owner reference with
 * `controller: true`; at most one, as the API server requires), and a pod's phase and readiness
 * as `kubectl get -o json` shows them.
 *
 * @since 0.1.0
 */
import type { ObjectMeta } from "../../domain/manifest/codecs/meta.ts"
import type { PodController } from "../model/SchedulingPod.ts"
import { invalid, type Locate, required, unsupported } from "./fieldErrors.ts"

// metav1.Time reads RFC 3339 (fractional seconds allowed), as Go's time.RFC3339 layout does.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/

/**
 * An RFC 3339 time in milliseconds since the epoch.
 *
 * @example
 * import { rfc3339Millis } from "catcluster/scheduler"
 * rfc3339Millis("2026-11-27T04:00:00Z", "pod.yaml: metadata.creationTimestamp") // 1795752000000
 *
 * @since 0.1.0
 * @category destructors
 */
export const rfc3339Millis = (text: string, at: string): number => {
  const ms = RFC3339.test(text) ? Date.parse(text) : Number.NaN
  if (!Number.isFinite(ms)) throw invalid(at, text, "expected an RFC 3339 time such as 2026-11-27T04:00:00Z")
  return ms
}

/**
 * `creationTimestamp` (ms) and whether `deletionTimestamp` is set; `locate` is relative to the
 * object (its metadata is at `metadata`).
 *
 * @since 0.1.0
 * @category destructors
 */
export const timesOf = (meta: ObjectMeta | undefined, locate: Locate): { readonly creationTimestamp?: number; readonly terminating: boolean } => {
  const created = meta?.creationTimestamp
  const deleted = meta?.deletionTimestamp
  if (deleted !== undefined) rfc3339Millis(deleted, locate("metadata.deletionTimestamp"))
  return {
    ...(created === undefined ? {} : { creationTimestamp: rfc3339Millis(created, locate("metadata.creationTimestamp")) }),
    terminating: deleted !== undefined,
  }
}

/**
 * The controller among `metadata.ownerReferences` (the one with `controller: true`), if any.
 *
 * @since 0.1.0
 * @category destructors
 */
export const controllerOf = (meta: ObjectMeta | undefined, locate: Locate): PodController | undefined => {
  let found: { controller: PodController; index: number } | undefined
  ;(meta?.ownerReferences ?? []).forEach((ref, i) => {
    if (ref["controller"] !== true) return
    const at = (field: string) => locate(`metadata.ownerReferences[${i}].${field}`)
    for (const field of ["apiVersion", "kind", "name"]) {
      if (typeof ref[field] !== "string" || ref[field] === "") throw required(at(field))
    }
    const controller = { apiVersion: ref["apiVersion"] as string, kind: ref["kind"] as string, name: ref["name"] as string }
    if (found !== undefined) {
      throw invalid(
        locate("metadata.ownerReferences"),
        [found.controller.name, controller.name],
        `Only one reference can have Controller set to true. Found "true" in references for ${found.controller.kind}/${found.controller.name} and ${controller.kind}/${controller.name}`,
      )
    }
    found = { controller, index: i }
  })
  return found?.controller
}

/** A pod phase. @since 0.1.0 @category model */
export type PodPhase = "Pending" | "Running" | "Succeeded" | "Failed" | "Unknown"

const PHASES: ReadonlyArray<PodPhase> = ["Pending", "Running", "Succeeded", "Failed", "Unknown"]

/** What a pod's status says: its phase, whether its Ready condition is True (absent status: both unknown), and whether a kubelet started it. @since 0.1.0 @category model */
export interface PodStatusInfo {
  readonly phase?: PodPhase
  readonly ready?: boolean
  /** `status.startTime` is set: the kubelet's status manager writes it once it has the pod (so it admitted it, or rejected it: then the phase is Failed). */
  readonly started?: boolean
  /** `status.startTime` in milliseconds since the epoch, when set. */
  readonly startTime?: number
}

/**
 * A pod's phase and readiness from its (opaque) `status`.
 *
 * @since 0.1.0
 * @category destructors
 */
export const podStatusOf = (status: Readonly<Record<string, unknown>> | undefined, locate: Locate): PodStatusInfo => {
  if (status === undefined) return {}
  const phase = status["phase"]
  if (phase !== undefined && !(PHASES as ReadonlyArray<unknown>).includes(phase)) throw unsupported(locate("status.phase"), phase, PHASES)
  const conditions = status["conditions"]
  let ready: boolean | undefined
  if (Array.isArray(conditions)) {
    const c = conditions.find((x: { type?: unknown }) => x?.type === "Ready") as { status?: unknown } | undefined
    if (c !== undefined) ready = c.status === "True"
  }
  const startTime = status["startTime"]
  let startedAt: number | undefined
  if (startTime !== undefined && startTime !== null) {
    if (typeof startTime !== "string") throw invalid(locate("status.startTime"), startTime, "expected an RFC 3339 time such as 2026-11-27T04:00:00Z")
    startedAt = rfc3339Millis(startTime, locate("status.startTime"))
  }
  return {
    ...(phase === undefined ? {} : { phase: phase as PodPhase }),
    ...(ready === undefined ? {} : { ready }),
    ...(startedAt === undefined ? {} : { started: true, startTime: startedAt }),
  }
}

/**
 * Whether a pod bound to a node (`spec.nodeName`) still waits for that node's kubelet to admit
 * it: no status at all (being created), or a Pending (or unset) phase without `status.startTime`
 * (the API server's initial status; the kubelet sets the start time when it takes the pod).
 * Running, Unknown, and Pending with a start time were admitted already.
 *
 * @since 0.1.0
 * @category predicates
 */
export const awaitsKubelet = (status: PodStatusInfo, hasStatus: boolean): boolean =>
  !hasStatus || ((status.phase === undefined || status.phase === "Pending") && status.started !== true)
