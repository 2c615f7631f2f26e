/**
 * The selector of a pod's system-default spread constraints (Kubernetes v1.35,
 * `pkg/scheduler/framework/plugins/helper/spread.go`, `DefaultSelector` / `GetPodServices`):
 *
 * 1. the selectors of the Services in the pod's namespace that select the pod (a Service without a
 *    selector selects nothing; an empty one selects everything), merged into one label set (a
 *    later Service overwrites a key);
 * 2. then the pod's controller (its owner reference with `controller: true`), looked up by name in
 *    the pod's namespace if it is a `v1` ReplicationController (its selector map merged into the
 *    label set) or an `apps/v1` ReplicaSet or StatefulSet (its selector's requirements ANDed). A
 *    controller that is absent, of another kind or API version, or has an invalid selector
 *    contributes nothing; whether its selector selects the pod is not checked.
 *
 * An empty result means "no default constraints" for the pod.
 *
 * @since 0.1.0
 */
import type { ClusterObjects, ControllerSelector, ServiceSelector } from "../model/ClusterObjects.ts"
import type { LabelSelector, LabelSelectorRequirement, Labels } from "../model/LabelSelector.ts"
import { labelsOf, namespaceOf, type SchedulingPod } from "../model/SchedulingPod.ts"

/**
 * `GetPodServices`: the Services in the pod's namespace whose selector is set and matches the
 * pod's labels, in the given order.
 *
 * @since 0.1.0
 * @category accessors
 */
export const podServices = (pod: SchedulingPod, services: ReadonlyArray<ServiceSelector>): ReadonlyArray<ServiceSelector> => {
  const namespace = namespaceOf(pod)
  const labels = labelsOf(pod)
  return services.filter((s) => {
    if (s.namespace !== namespace || s.selector === undefined) return false
    for (const [k, v] of Object.entries(s.selector)) if (!Object.hasOwn(labels, k) || labels[k] !== v) return false
    return true
  })
}

// `metav1.LabelSelectorAsSelector` rejects In/NotIn without values and Exists/DoesNotExist with some.
const validRequirement = (r: LabelSelectorRequirement): boolean =>
  r.operator === "In" || r.operator === "NotIn" ? r.values.length > 0 : r.values.length === 0

/** The requirements of a controller's selector as `LabelSelectorAsSelector` lists them, or none when invalid. */
const requirementsOf = (selector: LabelSelector): ReadonlyArray<LabelSelectorRequirement> => {
  const expressions = selector.matchExpressions ?? []
  if (!expressions.every(validRequirement)) return []
  const fromLabels = Object.entries(selector.matchLabels ?? {}).map(([key, value]): LabelSelectorRequirement => ({ key, operator: "In", values: [value] }))
  return [...fromLabels, ...expressions]
}

/** The group/version and kind an owner reference must name for each controller kind. */
const CONTROLLER_API: Readonly<Record<ControllerSelector["kind"], string>> = {
  ReplicationController: "v1",
  ReplicaSet: "apps/v1",
  StatefulSet: "apps/v1",
}

/**
 * The controller object a pod's owner reference names, if it is one `DefaultSelector` reads.
 *
 * @since 0.1.0
 * @category accessors
 */
export const podController = (pod: SchedulingPod, controllers: ReadonlyArray<ControllerSelector>): ControllerSelector | undefined => {
  const owner = pod.controller
  if (owner === undefined) return undefined
  const kind = owner.kind as ControllerSelector["kind"]
  if (!Object.hasOwn(CONTROLLER_API, kind) || CONTROLLER_API[kind] !== owner.apiVersion) return undefined
  const namespace = namespaceOf(pod)
  return controllers.find((c) => c.kind === kind && c.namespace === namespace && c.name === owner.name)
}

/**
 * `helper.DefaultSelector`: the Services' label set plus the controller's selector, as one
 * selector (`matchLabels` from Services and a ReplicationController, `matchExpressions` from a
 * ReplicaSet / StatefulSet selector, its `matchLabels` as `In` requirements so a conflicting value
 * selects nothing, as the ANDed requirements upstream do).
 *
 * @example
 * import { defaultSelector, pod } from "catcluster/scheduler"
 * const web = pod("shop/web-0", {}, { labels: { app: "web" }, controller: { apiVersion: "apps/v1", kind: "ReplicaSet", name: "web" } })
 * defaultSelector(web, {
 *   services: [{ namespace: "shop", name: "web", selector: { app: "web" } }],
 *   controllers: [{ kind: "ReplicaSet", namespace: "shop", name: "web", selector: { matchLabels: { app: "web" } } }],
 * })
 * // { matchLabels: { app: "web" }, matchExpressions: [{ key: "app", operator: "In", values: ["web"] }] }
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultSelector = (pod: SchedulingPod, objects: ClusterObjects): LabelSelector => {
  let labelSet: Record<string, string> = {}
  for (const s of podServices(pod, objects.services ?? [])) labelSet = { ...labelSet, ...(s.selector as Labels) }
  const controller = podController(pod, objects.controllers ?? [])
  let expressions: ReadonlyArray<LabelSelectorRequirement> = []
  if (controller !== undefined) {
    if (controller.kind === "ReplicationController") labelSet = { ...labelSet, ...(controller.selector.matchLabels ?? {}) }
    else expressions = requirementsOf(controller.selector)
  }
  return expressions.length === 0 ? { matchLabels: labelSet } : { matchLabels: labelSet, matchExpressions: expressions }
}
