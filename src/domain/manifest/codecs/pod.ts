/**
 * Pods and their parts (`core/v1`, Kubernetes v1.35): containers with resources, init
 * containers (incl. `restartPolicy: Always` sidecars), overhead, pod-level resources, node
 * selection (nodeSelector, node affinity), tolerations, priority, nodeName, schedulerName.
 *
 * @since 0.1.0
 */
import * as t from "io-ts"
import { LabelSelector, ObjectMeta } from "./meta.ts"
import { Integer, oneOf, OpaqueObject, QuantityMap, StringMap, struct } from "./primitives.ts"
import { Volume } from "./volumes.ts"

/**
 * `resources` of a container or pod: requests and limits as quantities.
 *
 * @since 0.1.0
 * @category codecs
 */
export const ResourceRequirements = t.partial(
  { requests: QuantityMap, limits: QuantityMap, claims: t.array(OpaqueObject) },
  "ResourceRequirements",
)

/**
 * A port a container exposes.
 *
 * @since 0.1.0
 * @category codecs
 */
export const ContainerPort = struct(
  "ContainerPort",
  { containerPort: Integer },
  { name: t.string, protocol: oneOf("Protocol", ["TCP", "UDP", "SCTP"]), hostPort: Integer, hostIP: t.string },
)

/**
 * A container (regular, init or sidecar).
 *
 * @since 0.1.0
 * @category codecs
 */
export const Container = struct(
  "Container",
  { name: t.string },
  {
    image: t.string,
    imagePullPolicy: oneOf("PullPolicy", ["Always", "IfNotPresent", "Never"]),
    command: t.array(t.string),
    args: t.array(t.string),
    workingDir: t.string,
    ports: t.array(ContainerPort),
    env: t.array(OpaqueObject),
    envFrom: t.array(OpaqueObject),
    resources: ResourceRequirements,
    resizePolicy: t.array(OpaqueObject),
    restartPolicy: t.string,
    restartPolicyRules: t.array(OpaqueObject),
    volumeMounts: t.array(OpaqueObject),
    volumeDevices: t.array(OpaqueObject),
    livenessProbe: OpaqueObject,
    readinessProbe: OpaqueObject,
    startupProbe: OpaqueObject,
    lifecycle: OpaqueObject,
    securityContext: OpaqueObject,
    terminationMessagePath: t.string,
    terminationMessagePolicy: t.string,
    stdin: t.boolean,
    stdinOnce: t.boolean,
    tty: t.boolean,
  },
)

/**
 * `In NotIn Exists DoesNotExist Gt Lt`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const NodeSelectorOperator = oneOf("NodeSelectorOperator", ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"])

/**
 * One requirement of a node selector term: key, operator, values.
 *
 * @since 0.1.0
 * @category codecs
 */
export const NodeSelectorRequirement = struct(
  "NodeSelectorRequirement",
  { key: t.string, operator: NodeSelectorOperator },
  { values: t.array(t.string) },
)

/**
 * One term: all its requirements must hold (terms are ORed).
 *
 * @since 0.1.0
 * @category codecs
 */
export const NodeSelectorTerm = t.partial(
  { matchExpressions: t.array(NodeSelectorRequirement), matchFields: t.array(NodeSelectorRequirement) },
  "NodeSelectorTerm",
)

/**
 * Required and preferred node affinity.
 *
 * @since 0.1.0
 * @category codecs
 */
export const NodeAffinity = t.partial(
  {
    requiredDuringSchedulingIgnoredDuringExecution: struct("NodeSelector", { nodeSelectorTerms: t.array(NodeSelectorTerm) }, {}),
    preferredDuringSchedulingIgnoredDuringExecution: t.array(
      struct("PreferredSchedulingTerm", { weight: Integer, preference: NodeSelectorTerm }, {}),
    ),
  },
  "NodeAffinity",
)

/**
 * A pod (anti-)affinity term.
 *
 * @since 0.1.0
 * @category codecs
 */
export const PodAffinityTerm = struct(
  "PodAffinityTerm",
  { topologyKey: t.string },
  {
    labelSelector: LabelSelector,
    namespaces: t.array(t.string),
    namespaceSelector: LabelSelector,
    matchLabelKeys: t.array(t.string),
    mismatchLabelKeys: t.array(t.string),
  },
)

const PodAffinity = t.partial(
  {
    requiredDuringSchedulingIgnoredDuringExecution: t.array(PodAffinityTerm),
    preferredDuringSchedulingIgnoredDuringExecution: t.array(
      struct("WeightedPodAffinityTerm", { weight: Integer, podAffinityTerm: PodAffinityTerm }, {}),
    ),
  },
  "PodAffinity",
)

/**
 * Node affinity, pod affinity and pod anti-affinity.
 *
 * @since 0.1.0
 * @category codecs
 */
export const Affinity = t.partial({ nodeAffinity: NodeAffinity, podAffinity: PodAffinity, podAntiAffinity: PodAffinity }, "Affinity")

/**
 * `NoSchedule PreferNoSchedule NoExecute`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const TaintEffect = oneOf("TaintEffect", ["NoSchedule", "PreferNoSchedule", "NoExecute"])

/**
 * A toleration; an empty `effect` matches every effect, an empty key with `Exists` every taint.
 *
 * @since 0.1.0
 * @category codecs
 */
export const Toleration = t.partial(
  {
    key: t.string,
    operator: oneOf("TolerationOperator", ["Exists", "Equal"]),
    value: t.string,
    effect: oneOf("TaintEffect", ["NoSchedule", "PreferNoSchedule", "NoExecute", ""]),
    tolerationSeconds: Integer,
  },
  "Toleration",
)

/**
 * A topology spread constraint: max skew over a topology key.
 *
 * @since 0.1.0
 * @category codecs
 */
export const TopologySpreadConstraint = struct(
  "TopologySpreadConstraint",
  { maxSkew: Integer, topologyKey: t.string, whenUnsatisfiable: oneOf("UnsatisfiableConstraintAction", ["DoNotSchedule", "ScheduleAnyway"]) },
  {
    labelSelector: LabelSelector,
    minDomains: Integer,
    nodeAffinityPolicy: t.string,
    nodeTaintsPolicy: t.string,
    matchLabelKeys: t.array(t.string),
  },
)

/**
 * The pod spec: what the scheduler reads and what catcluster aggregates.
 *
 * @since 0.1.0
 * @category codecs
 */
export const PodSpec = struct(
  "PodSpec",
  { containers: t.array(Container) },
  {
    initContainers: t.array(Container),
    ephemeralContainers: t.array(OpaqueObject),
    volumes: t.array(Volume),
    nodeSelector: StringMap,
    affinity: Affinity,
    tolerations: t.array(Toleration),
    topologySpreadConstraints: t.array(TopologySpreadConstraint),
    priorityClassName: t.string,
    priority: Integer,
    preemptionPolicy: oneOf("PreemptionPolicy", ["PreemptLowerPriority", "Never"]),
    nodeName: t.string,
    schedulerName: t.string,
    restartPolicy: oneOf("RestartPolicy", ["Always", "OnFailure", "Never"]),
    overhead: QuantityMap,
    resources: ResourceRequirements,
    runtimeClassName: t.string,
    serviceAccountName: t.string,
    serviceAccount: t.string,
    automountServiceAccountToken: t.boolean,
    terminationGracePeriodSeconds: Integer,
    activeDeadlineSeconds: Integer,
    dnsPolicy: t.string,
    dnsConfig: OpaqueObject,
    hostNetwork: t.boolean,
    hostPID: t.boolean,
    hostIPC: t.boolean,
    hostUsers: t.boolean,
    hostname: t.string,
    subdomain: t.string,
    hostAliases: t.array(OpaqueObject),
    securityContext: OpaqueObject,
    imagePullSecrets: t.array(OpaqueObject),
    enableServiceLinks: t.boolean,
    shareProcessNamespace: t.boolean,
    setHostnameAsFQDN: t.boolean,
    readinessGates: t.array(OpaqueObject),
    schedulingGates: t.array(OpaqueObject),
    resourceClaims: t.array(OpaqueObject),
    os: OpaqueObject,
  },
)

/**
 * `template`: metadata and spec of the pods a controller creates.
 *
 * @since 0.1.0
 * @category codecs
 */
export const PodTemplateSpec = struct("PodTemplateSpec", { spec: PodSpec }, { metadata: ObjectMeta })

/**
 * What a container status says of resources (InPlacePodVerticalScaling): `allocatedResources`
 * (the requests the kubelet admitted) and `resources` (what the runtime applies). Its other
 * fields (state, image, restarts, …) are kept unread.
 *
 * @since 0.1.0
 * @category codecs
 */
export const ContainerStatus = t.partial({ name: t.string, allocatedResources: QuantityMap, resources: ResourceRequirements }, "ContainerStatus")

/**
 * A pod's status: the container statuses' resources as quantities; every other field (phase,
 * conditions, start time, …) as it is, read where it is used.
 *
 * @since 0.1.0
 * @category codecs
 */
export const PodStatus = t.intersection(
  [OpaqueObject, t.partial({ containerStatuses: t.array(ContainerStatus), initContainerStatuses: t.array(ContainerStatus) })],
  "PodStatus",
)

/**
 * A Kubernetes Pod (`v1`).
 *
 * @since 0.1.0
 * @category codecs
 */
export const Pod = struct(
  "Pod",
  { apiVersion: t.string, kind: t.literal("Pod"), spec: PodSpec },
  { metadata: ObjectMeta, status: PodStatus },
)

/** A decoded container. @since 0.1.0 @category model */
export type Container = t.TypeOf<typeof Container>
/** A decoded pod spec. @since 0.1.0 @category model */
export type PodSpec = t.TypeOf<typeof PodSpec>
/** A decoded pod template. @since 0.1.0 @category model */
export type PodTemplateSpec = t.TypeOf<typeof PodTemplateSpec>
/** A decoded container status. @since 0.1.0 @category model */
export type ContainerStatus = t.TypeOf<typeof ContainerStatus>
/** A decoded pod status. @since 0.1.0 @category model */
export type PodStatus = t.TypeOf<typeof PodStatus>
/** A decoded Pod. @since 0.1.0 @category model */
export type Pod = t.TypeOf<typeof Pod>
/** A decoded toleration. @since 0.1.0 @category model */
export type Toleration = t.TypeOf<typeof Toleration>
/** A decoded node selector term. @since 0.1.0 @category model */
export type NodeSelectorTerm = t.TypeOf<typeof NodeSelectorTerm>
/** Decoded affinity. @since 0.1.0 @category model */
export type Affinity = t.TypeOf<typeof Affinity>

