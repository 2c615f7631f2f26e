/**
 * One pod spec (a Pod's, a controller template's, or a virt-launcher's) into a
 * {@link SchedulingPod}: requests per container (cpu as `MilliValue()`, everything else as
 * `Value()`, both rounded up; a missing request defaults to its limit, as the API server does),
 * pod-level resources, overhead, node selection, tolerations, pod (anti-)affinity, spread
 * constraints, host ports (`GetHostPorts`: restartable init containers, then containers;
 * `hostNetwork` defaults each `hostPort` to its `containerPort`), images (init containers, then
 * containers, as ImageLocality walks them), image volumes' references (ImageLocality adds them to
 * the sum), volumes, scheduling gates, and the identity the caller gives (namespace, labels,
 * controller, times, priority).
 *
 * A pod that asks for DynamicResources (`spec.resourceClaims`, or a container's
 * `resources.claims`) is refused: catcluster does not model ResourceClaims, and the devices
 * they allocate decide where such a pod fits.
 *
 * @since 0.1.0
 */
import type { PodSpec } from "../../domain/manifest/codecs/pod.ts"
import { KVM_DEVICE } from "../../domain/resources/ResourceName.ts"
import type { Labels } from "../model/LabelSelector.ts"
import type {
  ContainerRequests,
  HostPort,
  NodeSelectorTerm,
  PodController,
  PreferredTerm,
  SchedulingPod,
  SelectorRequirement,
  Toleration,
} from "../model/SchedulingPod.ts"
import { SchedulerInputError } from "../SchedulerInputError.ts"
import { duplicate, invalid, type Locate, required, under } from "./fieldErrors.ts"
import { requiredTerm, termProblem, validateTerm } from "./nodeSelectorTerms.ts"
import { podAffinityFromManifest } from "./podAffinity.ts"
import { amountsOf } from "./resourceAmounts.ts"
import { requestsOf } from "./requirements.ts"
import { podVolumesOf } from "./storage.ts"
import { spreadConstraintsFromManifest } from "./topologySpread.ts"

interface RawTerm {
  readonly matchExpressions?: ReadonlyArray<{ key: string; operator: SelectorRequirement["operator"]; values?: ReadonlyArray<string> }>
  readonly matchFields?: ReadonlyArray<{ key: string; operator: SelectorRequirement["operator"]; values?: ReadonlyArray<string> }>
}
const nodeTerm = (t: RawTerm): NodeSelectorTerm => ({
  matchExpressions: (t.matchExpressions ?? []).map((r) => ({ key: r.key, operator: r.operator, values: r.values ?? [] })),
  matchFields: (t.matchFields ?? []).map((r) => ({ key: r.key, operator: r.operator, values: r.values ?? [] })),
})

/** The scheduling fields a pod spec and a VMI spec share. @since 0.1.0 @category model */
export type PlacementSpec = Pick<PodSpec, "nodeSelector" | "tolerations" | "affinity" | "topologySpreadConstraints">

/**
 * Node selection, tolerations, pod (anti-)affinity and spread constraints of a spec;
 * `locate` is relative to the spec.
 *
 * @since 0.1.0
 * @category constructors
 */
export const placementOf = (spec: PlacementSpec, locate: Locate) => {
  const na = spec.affinity?.nodeAffinity
  const requiredNodes = na?.requiredDuringSchedulingIgnoredDuringExecution
  const tolerations: ReadonlyArray<Toleration> = (spec.tolerations ?? []).map((t) => ({
    key: t.key ?? "",
    operator: t.operator === "Exists" ? "Exists" : "Equal",
    value: t.value ?? "",
    effect: t.effect ?? "",
  }))
  const preferredTerms: ReadonlyArray<PreferredTerm> = (na?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((p, i) => {
    const preference = nodeTerm(p.preference)
    validateTerm(preference, (path) => locate(`affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[${i}].preference.${path}`))
    // kube-scheduler's PreScore fails on such a term at every attempt: the pod would never be placed
    const bad = termProblem(preference)
    if (bad !== undefined) {
      throw invalid(locate(`affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[${i}].preference.${bad.at}`), p.preference, `${bad.problem} (kube-scheduler's NodeAffinity cannot parse this preferred term and fails the pod's every scheduling attempt)`)
    }
    return { weight: p.weight, preference }
  })
  const spread = spreadConstraintsFromManifest(spec.topologySpreadConstraints, under(locate, "topologySpreadConstraints"))
  return {
    nodeSelector: spec.nodeSelector ?? {},
    ...(requiredNodes === undefined
      ? {}
      : {
          requiredTerms: requiredNodes.nodeSelectorTerms.map((t, i) => {
            const term = nodeTerm(t)
            validateTerm(term, (path) => locate(`affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[${i}].${path}`))
            return requiredTerm(term)
          }),
        }),
    preferredTerms,
    tolerations,
    ...podAffinityFromManifest(spec.affinity, under(locate, "affinity")),
    ...(spread.length === 0 ? {} : { topologySpreadConstraints: spread }),
  }
}

/** Who a pod is, besides its spec. @since 0.1.0 @category model */
export interface PodIdentity {
  readonly namespace: string
  readonly name: string
  readonly labels: Labels
  readonly controller?: PodController
  readonly priority: number
  readonly creationTimestamp?: number
  readonly terminating?: boolean
  /** `status.startTime` (ms), for a pod a kubelet has started. */
  readonly startTime?: number
}

/**
 * The refusal of a pod that needs DynamicResources.
 *
 * @since 0.1.0
 * @category errors
 */
export const dynamicResourcesRefused = (pod: string, at: string): SchedulerInputError =>
  new SchedulerInputError(
    at,
    `pod ${pod} requests devices through DynamicResources (ResourceClaims), which catcluster does not model: the devices a claim is allocated decide where the pod fits, so it cannot be scheduled faithfully`,
  )

const hostPortsOf = (spec: PodSpec, locate: Locate): ReadonlyArray<HostPort> => {
  const out: HostPort[] = []
  const walk = (containers: PodSpec["containers"], field: string, only: (c: PodSpec["containers"][number]) => boolean) =>
    containers.forEach((c, i) => {
      if (!only(c)) return
      ;(c.ports ?? []).forEach((p, j) => {
        const hostPort = p.hostPort ?? (spec.hostNetwork === true ? p.containerPort : 0)
        if (hostPort < 0 || hostPort > 65535) throw invalid(locate(`${field}[${i}].ports[${j}].hostPort`), hostPort, "must be between 1 and 65535, inclusive")
        if (hostPort > 0) out.push({ protocol: p.protocol ?? "TCP", hostIP: p.hostIP ?? "", hostPort })
      })
    })
  walk(spec.initContainers ?? [], "initContainers", (c) => c.restartPolicy === "Always")
  walk(spec.containers, "containers", () => true)
  return out
}

const gatesOf = (spec: PodSpec, locate: Locate): ReadonlyArray<string> => {
  const names: string[] = []
  ;(spec.schedulingGates ?? []).forEach((g, i) => {
    const name = g["name"]
    if (typeof name !== "string" || name === "") throw required(locate(`schedulingGates[${i}].name`))
    if (names.includes(name)) throw duplicate(locate(`schedulingGates[${i}].name`), name)
    names.push(name)
  })
  return names
}

/**
 * The scheduler's pod for a pod spec and its identity; `locate` is relative to the spec (e.g.
 * `spec`, or `spec.template.spec` for a controller's template).
 *
 * @since 0.1.0
 * @category constructors
 */
export const schedulingPodOf = (identity: PodIdentity, spec: PodSpec, locate: Locate): SchedulingPod => {
  const key = `${identity.namespace}/${identity.name}`
  if ((spec.resourceClaims ?? []).length > 0) throw dynamicResourcesRefused(key, locate("resourceClaims"))
  for (const [field, list] of [["containers", spec.containers], ["initContainers", spec.initContainers ?? []]] as const) {
    const i = list.findIndex((c) => (c.resources?.claims ?? []).length > 0)
    if (i >= 0) throw dynamicResourcesRefused(key, locate(`${field}[${i}].resources.claims`))
  }
  // requests default to limits; the API server's checks between the two (requirements.ts)
  const requestsOfAt = (resources: PodSpec["containers"][number]["resources"], path: string) => requestsOf(resources, locate, path)
  const containers: ReadonlyArray<ContainerRequests> = spec.containers.map((c, i) => ({ name: c.name, requests: requestsOfAt(c.resources, `containers[${i}].resources`) }))
  const initContainers = (spec.initContainers ?? []).map((c, i) => ({
    name: c.name,
    requests: requestsOfAt(c.resources, `initContainers[${i}].resources`),
    restartable: c.restartPolicy === "Always",
  }))
  // pod-level requests default to pod-level limits, like container ones
  const level = spec.resources === undefined ? undefined : requestsOfAt(spec.resources, "resources")
  const hostPorts = hostPortsOf(spec, locate)
  const images = [...(spec.initContainers ?? []), ...spec.containers].flatMap((c) => (c.image === undefined || c.image === "" ? [] : [c.image]))
  const volumes = podVolumesOf(spec.volumes, locate("volumes"))
  // ImageLocality sums `volumes[].image.reference` too (ImageVolume); a missing reference never matches a node image
  const imageVolumes = (spec.volumes ?? []).flatMap((v) => (v.image === undefined ? [] : [typeof v.image["reference"] === "string" ? v.image["reference"] : ""]))
  const gates = gatesOf(spec, locate)
  return {
    key,
    containers,
    initContainers,
    overhead: amountsOf(spec.overhead),
    ...(level === undefined || Object.keys(level).length === 0 ? {} : { podLevelRequests: level }),
    ...(spec.nodeName === undefined || spec.nodeName === "" ? {} : { nodeName: spec.nodeName }),
    ...(spec.preemptionPolicy === "Never" ? { neverPreempts: true } : {}),
    // the profile that schedules it (a pod naming another scheduler is left to that scheduler)
    ...(spec.schedulerName === undefined || spec.schedulerName === "" ? {} : { schedulerName: spec.schedulerName }),
    ...placementOf(spec, locate),
    priority: identity.priority,
    requiredFeatures: [],
    requiresKvm: containers.some((c) => c.requests[KVM_DEVICE] !== undefined),
    namespace: identity.namespace,
    ...(Object.keys(identity.labels).length === 0 ? {} : { labels: identity.labels }),
    ...(identity.controller === undefined ? {} : { controller: identity.controller }),
    ...(hostPorts.length === 0 ? {} : { hostPorts }),
    ...(images.length === 0 ? {} : { images }),
    ...(imageVolumes.length === 0 ? {} : { imageVolumes }),
    ...(volumes.length === 0 ? {} : { volumes }),
    ...(gates.length === 0 ? {} : { schedulingGates: gates }),
    ...(identity.creationTimestamp === undefined ? {} : { creationTimestamp: identity.creationTimestamp }),
    ...(identity.terminating === true ? { terminating: true } : {}),
    ...(identity.startTime === undefined ? {} : { startTime: identity.startTime }),
  }
}
