/**
 * fast-check generators of small clusters with storage, for the hot path ≡ readable σ property
 * over the volume plugins, NodePorts, ImageLocality and scheduling gates:
 *
 * - nodes in zones (GA, beta and region labels, some unlabelled), with `status.images`, few pod
 *   slots (so preemption happens) and CSINodes whose drivers have allocatable counts and topology
 *   keys;
 * - StorageClasses Immediate or WaitForFirstConsumer, with or without a provisioner
 *   (`kubernetes.io/no-provisioner`, an in-tree one) and `allowedTopologies`, one possibly the
 *   default;
 * - PersistentVolumes with zone labels (`a__b` sets too), node affinity, CSI or in-tree sources,
 *   claim references, phases, modes; claims bound (their PV then references them), pre-bound,
 *   unbound, Lost or being deleted, with access modes RWO / ROX / RWX / RWOP, selectors, selected
 *   nodes, and the claims of generic ephemeral volumes (owned by their pod or not);
 * - CSIDrivers for csi.a and csi.b that opt into capacity tracking or not, and CSIStorageCapacity
 *   objects of the classes with sizes around the claims' requests (some without capacity, some
 *   with a maximumVolumeSize) reaching a zone, a node, every node or (no nodeTopology) none;
 * - VolumeAttachments of pv0..pv3 on the nodes (the volume of a pre-bound pod there, or of no
 *   pod), attached or not, by the PV's driver or another attacher; some on `n9`, of `pv9`, inline;
 * - pods mounting a small pool of claims (so they share them), ephemeral volumes, inline GCE PD,
 *   AWS EBS, iSCSI, RBD, Azure, Cinder and CSI volumes, emptyDirs; host ports; images; scheduling
 *   gates; priorities (preemption frees claims, disks and attachments).
 *
 * Names come from small pools so that references hit (and sometimes miss: claim `c5`, class
 * `ghost`, PV `pv9`, node `n9`).
 */
import fc from "fast-check"
import type {
  AccessMode,
  ClusterObjects,
  CsiDriver,
  CsiNode,
  CsiStorageCapacity,
  HostPort,
  NodeImage,
  NodeSelectorTerm,
  PersistentVolume,
  PersistentVolumeClaim,
  PersistentVolumePhase,
  PodVolume,
  SchedulingNode,
  SchedulingPod,
  StorageClass,
  StorageObjects,
  VolumeAttachment,
  VolumeSource,
} from "../../src/scheduler/index.ts"

const Gi = 2 ** 30
const Mi = 2 ** 20
export const ZONE = "topology.kubernetes.io/zone"
export const BETA_ZONE = "failure-domain.beta.kubernetes.io/zone"
export const REGION = "topology.kubernetes.io/region"
const HOSTNAME = "kubernetes.io/hostname"
export const NAMESPACE = "ns"
/** A second namespace, with claims of the same names as some in `ns` (c0, c1). */
export const OTHER_NAMESPACE = "other"

const zone = fc.constantFrom("z1", "z2")
const nodeNames = ["n0", "n1", "n2", "n3", "n9"] as const
const drivers = ["csi.a", "csi.b"] as const

/** The images nodes may hold and pods may run (one never held). */
const imagePool: ReadonlyArray<NodeImage> = [
  { names: ["nginx:1", "docker.io/library/nginx:1"], sizeBytes: 300 * Mi },
  { names: ["redis:7"], sizeBytes: 800 * Mi },
  { names: ["big:1"], sizeBytes: 2 * Gi },
]

/** A CSINode's drivers (csi.a maybe without a count, zoned or not), named after its node. */
const csiNodeArb: fc.Arbitrary<Omit<CsiNode, "nodeName">> = fc
  .record({
    a: fc.option(fc.record({ count: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined, freq: 4 }), zoned: fc.boolean() }), { nil: undefined, freq: 4 }),
    b: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    ebs: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    migrated: fc.boolean(),
  })
  .map(({ a, b, ebs, migrated }) => ({
    drivers: [
      ...(a === undefined ? [] : [{ name: "csi.a", ...(a.count === undefined ? {} : { allocatableCount: a.count }), ...(a.zoned ? { topologyKeys: [ZONE] } : {}) }]),
      ...(b === undefined ? [] : [{ name: "csi.b", allocatableCount: b }]),
      ...(ebs === undefined ? [] : [{ name: "ebs.csi.aws.com", allocatableCount: ebs, topologyKeys: [ZONE] }]),
    ],
    ...(migrated ? { migratedPlugins: ["kubernetes.io/aws-ebs"] } : {}),
  }))

/** A node's fields and its CSINode's; named by position. */
const nodeDraftArb = fc.record({
  node: fc.record({
    cpu: fc.integer({ min: 1, max: 8 }).map((c) => c * 1000),
    memory: fc.integer({ min: 2, max: 16 }).map((g) => g * Gi),
    pods: fc.integer({ min: 1, max: 5 }),
    zone: fc.option(zone, { nil: undefined, freq: 5 }),
    beta: fc.option(zone, { nil: undefined, freq: 2 }),
    region: fc.option(fc.constantFrom("r1", "r2"), { nil: undefined, freq: 2 }),
    images: fc.subarray([...imagePool]),
    taint: fc.oneof({ weight: 8, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  }),
  csi: fc.option(csiNodeArb, { nil: undefined, freq: 3 }),
})

type NodeDraft = typeof nodeDraftArb extends fc.Arbitrary<infer T> ? T : never

const nodeOf = ({ node: r }: NodeDraft, name: string): SchedulingNode => ({
  name,
  allocatable: { cpu: r.cpu, memory: r.memory, pods: r.pods },
  labels: {
    [HOSTNAME]: name,
    ...(r.zone === undefined ? {} : { [ZONE]: r.zone }),
    ...(r.beta === undefined ? {} : { [BETA_ZONE]: r.beta }),
    ...(r.region === undefined ? {} : { [REGION]: r.region }),
  },
  taints: r.taint ? [{ key: "dedicated", value: "db", effect: "NoSchedule" as const }] : [],
  unschedulable: false,
  ...(r.images.length === 0 ? {} : { images: r.images }),
})

const zoneTerm = (zones: ReadonlyArray<string>): NodeSelectorTerm => ({ matchExpressions: [{ key: ZONE, operator: "In", values: zones }], matchFields: [] })

const topologies: fc.Arbitrary<ReadonlyArray<NodeSelectorTerm> | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom([zoneTerm(["z1"])], [zoneTerm(["z1", "z2"])], [zoneTerm(["z2"])]) },
  // a term without expressions matches no node
  { weight: 1, arbitrary: fc.constant([{ matchExpressions: [], matchFields: [] }]) },
)

const storageClassesArb: fc.Arbitrary<ReadonlyArray<StorageClass>> = fc
  .record({
    wait: fc.option(
      fc.record({ provisioner: fc.constantFrom("csi.a", "csi.a", "kubernetes.io/no-provisioner", ""), allowedTopologies: topologies }),
      { nil: undefined, freq: 16 },
    ),
    now: fc.option(fc.constant({ provisioner: "csi.b" }), { nil: undefined, freq: 4 }),
    ebs: fc.option(fc.record({ allowedTopologies: topologies }), { nil: undefined, freq: 2 }),
    defaultClass: fc.constantFrom(undefined, "wait", "now", "ebs"),
  })
  .map(({ wait, now, ebs, defaultClass }) => {
    const out: StorageClass[] = []
    const isDefault = (name: string) => (defaultClass === name ? { isDefault: true } : {})
    if (wait !== undefined)
      out.push({
        name: "wait",
        provisioner: wait.provisioner,
        volumeBindingMode: "WaitForFirstConsumer",
        ...(wait.allowedTopologies === undefined ? {} : { allowedTopologies: wait.allowedTopologies }),
        ...isDefault("wait"),
      })
    if (now !== undefined) out.push({ name: "now", provisioner: now.provisioner, volumeBindingMode: "Immediate", ...isDefault("now") })
    if (ebs !== undefined)
      out.push({
        name: "ebs",
        provisioner: "kubernetes.io/aws-ebs",
        volumeBindingMode: "WaitForFirstConsumer",
        ...(ebs.allowedTopologies === undefined ? {} : { allowedTopologies: ebs.allowedTopologies }),
        ...isDefault("ebs"),
      })
    return out
  })

const accessModes: fc.Arbitrary<ReadonlyArray<AccessMode>> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(["ReadWriteOnce"] as const) },
  { weight: 2, arbitrary: fc.constant(["ReadWriteOncePod"] as const) },
  { weight: 1, arbitrary: fc.constant(["ReadWriteMany"] as const) },
  { weight: 1, arbitrary: fc.constant(["ReadOnlyMany", "ReadWriteOnce"] as const) },
)

const className = fc.oneof(
  { weight: 12, arbitrary: fc.constant("wait") },
  { weight: 1, arbitrary: fc.constantFrom("now", "", "ebs", "ghost") },
)

const volumeArb = (name: string): fc.Arbitrary<PersistentVolume> =>
  fc
    .record({
      capacity: fc.integer({ min: 1, max: 4 }),
      accessModes: fc.oneof({ weight: 2, arbitrary: accessModes }, { weight: 1, arbitrary: fc.constant(["ReadWriteOnce", "ReadWriteOncePod", "ReadWriteMany"] as const) }),
      className,
      labels: fc.oneof(
        { weight: 3, arbitrary: fc.constant({}) },
        { weight: 2, arbitrary: zone.map((z) => ({ [ZONE]: z })) },
        { weight: 1, arbitrary: fc.constant({ [ZONE]: "z1__z2" }) },
        { weight: 1, arbitrary: zone.map((z) => ({ [BETA_ZONE]: z, [REGION]: "r1" })) },
        { weight: 1, arbitrary: fc.constant({ tier: "gold" }) },
      ),
      affinity: fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        {
          weight: 2,
          arbitrary: fc.constantFrom(...nodeNames).map((n): ReadonlyArray<NodeSelectorTerm> => [{ matchExpressions: [{ key: HOSTNAME, operator: "In", values: [n] }], matchFields: [] }]),
        },
        { weight: 1, arbitrary: zone.map((z) => [zoneTerm([z])]) },
      ),
      source: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...drivers).map((driver) => ({ csiDriver: driver, volumeHandle: name })) },
        { weight: 1, arbitrary: fc.constant({ inTree: { plugin: "kubernetes.io/aws-ebs" as const, volumeID: name } }) },
        { weight: 1, arbitrary: fc.constant({}) },
      ),
      claimRef: fc.option(fc.constantFrom("c0", "c1", "c2", "c3"), { nil: undefined, freq: 4 }),
      phase: fc.constantFrom<PersistentVolumePhase | "none">("none", "none", "Available", "Released"),
      block: fc.oneof({ weight: 8, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      deleting: fc.oneof({ weight: 10, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    })
    .map(
      (r): PersistentVolume => ({
        name,
        labels: r.labels,
        capacityBytes: r.capacity * Gi,
        accessModes: r.accessModes,
        storageClassName: r.className,
        ...(r.claimRef === undefined ? {} : { claimRef: { namespace: NAMESPACE, name: r.claimRef } }),
        ...(r.affinity === undefined ? {} : { nodeAffinity: r.affinity }),
        ...r.source,
        ...(r.phase === "none" ? {} : { phase: r.phase }),
        ...(r.block ? { volumeMode: "Block" as const } : {}),
        ...(r.deleting ? { deleting: true } : {}),
      }),
    )

type Binding = { readonly kind: "unbound" } | { readonly kind: "bound"; readonly pv: string } | { readonly kind: "prebound"; readonly pv: string } | { readonly kind: "lost" }

const pvName = fc.oneof({ weight: 12, arbitrary: fc.constantFrom("pv0", "pv1", "pv2", "pv3") }, { weight: 1, arbitrary: fc.constant("pv9") })

const bindingArb: fc.Arbitrary<Binding> = fc.oneof(
  { weight: 10, arbitrary: fc.constant({ kind: "unbound" as const }) },
  { weight: 8, arbitrary: pvName.map((pv) => ({ kind: "bound" as const, pv })) },
  { weight: 1, arbitrary: pvName.map((pv) => ({ kind: "prebound" as const, pv })) },
  { weight: 1, arbitrary: fc.constant({ kind: "lost" as const }) },
)

/** A claim's fields; its name (and uid, owner) are given by where it is used. */
interface ClaimDraft {
  readonly claim: Omit<PersistentVolumeClaim, "name" | "namespace">
  readonly withUid: boolean
  readonly foreign: boolean
}

const claimDraftArb: fc.Arbitrary<ClaimDraft> = fc
  .record({
    accessModes,
    className: fc.option(className, { nil: undefined, freq: 10 }),
    binding: bindingArb,
    request: fc.integer({ min: 1, max: 3 }),
    rare: fc.oneof(
      { weight: 24, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: fc.constant({ deleting: true }) },
      { weight: 1, arbitrary: fc.constant({ selector: { matchLabels: { tier: "gold" } } }) },
      { weight: 1, arbitrary: fc.constantFrom("n0", "n1").map((n) => ({ selectedNode: n })) },
      { weight: 1, arbitrary: fc.constant({ volumeMode: "Block" as const }) },
    ),
    withUid: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    foreign: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .map(({ accessModes, className, binding, request, rare, withUid, foreign }): ClaimDraft => {
    const base = { accessModes, requestBytes: request * Gi, ...(className === undefined ? {} : { storageClassName: className }), ...rare }
    const claim = ((): ClaimDraft["claim"] => {
      switch (binding.kind) {
        case "unbound":
          return { ...base, phase: "Pending" }
        case "bound":
          return { ...base, phase: "Bound", volumeName: binding.pv }
        case "prebound":
          return { ...base, phase: "Pending", volumeName: binding.pv }
        case "lost":
          return { ...base, phase: "Lost", volumeName: "pv9" }
      }
    })()
    return { claim, withUid, foreign }
  })

/** The claim `name` from a draft; `owner` is the pod of a generic ephemeral volume's claim. */
const named = (d: ClaimDraft, namespace: string, name: string, owner?: string): PersistentVolumeClaim => ({
  namespace,
  name,
  ...d.claim,
  ...(d.withUid ? { uid: `uid-${name}` } : {}),
  ...(owner === undefined ? {} : { controllerPod: d.foreign ? "someone-else" : owner }),
})

// ——— pods ———

const inlineSource: fc.Arbitrary<VolumeSource> = fc.oneof(
  fc.record({ type: fc.constant("gcePersistentDisk" as const), pdName: fc.constantFrom("pd-1", "pd-2"), readOnly: fc.boolean() }),
  fc.record({ type: fc.constant("awsElasticBlockStore" as const), volumeID: fc.constantFrom("vol-1", "aws://z1/vol-2"), readOnly: fc.boolean() }),
  fc.record({ type: fc.constant("iscsi" as const), targetPortal: fc.constantFrom("10.0.0.1:3260", "10.0.0.2:3260"), iqn: fc.constantFrom("iqn-1", "iqn-2"), lun: fc.constantFrom(0, 1), readOnly: fc.boolean() }),
  fc.record({
    type: fc.constant("rbd" as const),
    monitors: fc.subarray(["m1", "m2", "m3"], { minLength: 1 }),
    pool: fc.constantFrom("rbd", "other"),
    image: fc.constantFrom("img-1", "img-2"),
    readOnly: fc.boolean(),
  }),
  fc.record({ type: fc.constant("azureDisk" as const), diskName: fc.constant("disk-1"), diskURI: fc.constantFrom("uri-1", "uri-2") }),
  fc.record({ type: fc.constant("cinder" as const), volumeID: fc.constantFrom("cinder-1", "cinder-2") }),
  fc.record({ type: fc.constant("csi" as const), driver: fc.constantFrom(...drivers) }),
  fc.constant({ type: "other" as const, kind: "emptyDir" }),
)

const claimSource: fc.Arbitrary<VolumeSource> = fc.record({
  type: fc.constant("persistentVolumeClaim" as const),
  // c5 is never created
  claimName: fc.oneof({ weight: 16, arbitrary: fc.constantFrom("c0", "c0", "c1", "c1", "c2", "c3", "c4") }, { weight: 1, arbitrary: fc.constant("c5") }),
  readOnly: fc.boolean(),
})

const podVolumes: fc.Arbitrary<ReadonlyArray<PodVolume>> = fc
  .record({
    claims: fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: fc.array(claimSource, { minLength: 1, maxLength: 2 }) }),
    inline: fc.array(inlineSource, { maxLength: 2 }),
    ephemeral: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .map(({ claims, inline, ephemeral }) => [
    ...[...claims, ...inline].map((source, i) => ({ name: `v${i}`, source })),
    ...(ephemeral ? [{ name: "eph", source: { type: "ephemeral" as const } }] : []),
  ])

const hostPort: fc.Arbitrary<HostPort> = fc.record({
  protocol: fc.constantFrom("TCP", "TCP", "UDP"),
  hostIP: fc.constantFrom("", "127.0.0.1", "10.0.0.1"),
  hostPort: fc.constantFrom(80, 8080),
})

/** A pod's fields and the claim of its ephemeral volume (if it has one and the claim exists); named by position. */
const podDraftArb = fc.record({
  namespace: fc.oneof({ weight: 5, arbitrary: fc.constant(NAMESPACE) }, { weight: 1, arbitrary: fc.constant(OTHER_NAMESPACE) }),
  cpu: fc.integer({ min: 0, max: 6 }).map((c) => c * 250),
  memory: fc.integer({ min: 0, max: 4 }).map((g) => g * Gi),
  volumes: fc.oneof({ weight: 1, arbitrary: fc.constant([] as ReadonlyArray<PodVolume>) }, { weight: 3, arbitrary: podVolumes }),
  ephemeralClaim: fc.option(claimDraftArb, { nil: undefined, freq: 5 }),
  ports: fc.oneof({ weight: 2, arbitrary: fc.constant([] as ReadonlyArray<HostPort>) }, { weight: 1, arbitrary: fc.array(hostPort, { minLength: 1, maxLength: 2 }) }),
  images: fc.array(fc.constantFrom("nginx:1", "redis:7", "big:1", "docker.io/library/nginx:1", "unknown"), { maxLength: 2 }),
  gated: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  priority: fc.integer({ min: 0, max: 3 }),
  tolerates: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  // node selection: a zone selector, or required terms naming nodes (NodeAffinity's PreFilter narrows to them)
  placement: fc.oneof(
    { weight: 10, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: zone.map((z) => ({ nodeSelector: { [ZONE]: z } })) },
    {
      weight: 1,
      arbitrary: fc.subarray(["n0", "n1", "n9"], { minLength: 1 }).map((names) => ({
        requiredTerms: [{ matchExpressions: [], matchFields: [{ key: "metadata.name", operator: "In" as const, values: names }] }],
      })),
    },
  ),
})

type PodDraft = typeof podDraftArb extends fc.Arbitrary<infer T> ? T : never

const podOf = (r: PodDraft, name: string): SchedulingPod => ({
  key: `${r.namespace}/${name}`,
  namespace: r.namespace,
  containers: [{ name: "c", requests: { cpu: r.cpu, memory: r.memory } }],
  initContainers: [],
  overhead: {},
  nodeSelector: {},
  ...r.placement,
  preferredTerms: [],
  tolerations: r.tolerates ? [{ key: "dedicated", operator: "Exists", value: "", effect: "" }] : [],
  priority: r.priority,
  requiredFeatures: [],
  requiresKvm: false,
  ...(r.volumes.length === 0 ? {} : { volumes: r.volumes }),
  ...(r.ports.length === 0 ? {} : { hostPorts: r.ports }),
  ...(r.images.length === 0 ? {} : { images: r.images }),
  ...(r.gated ? { schedulingGates: ["example.com/gate"] } : {}),
})

/** A generated storage cluster: nodes, pods (the first `prebound` already placed), objects, a tie-break seed. */
export interface VolumeCase {
  readonly nodes: ReadonlyArray<SchedulingNode>
  readonly pods: ReadonlyArray<SchedulingPod>
  readonly prebound: number
  readonly objects: ClusterObjects
  readonly seed: number
}

// A bound claim's PV references it back, as the PV controller leaves them.
const consistent = (volumes: ReadonlyArray<PersistentVolume>, claims: ReadonlyArray<PersistentVolumeClaim>): ReadonlyArray<PersistentVolume> =>
  volumes.map((pv) => {
    const owner = claims.find((c) => c.phase === "Bound" && c.volumeName === pv.name)
    return owner === undefined
      ? pv
      : { ...pv, claimRef: { namespace: owner.namespace, name: owner.name, ...(owner.uid === undefined ? {} : { uid: owner.uid }) }, phase: "Bound" as const }
  })

const csiDriversArb: fc.Arbitrary<ReadonlyArray<CsiDriver>> = fc
  .record({
    a: fc.option(fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), { nil: undefined, freq: 4 }),
    b: fc.option(fc.boolean(), { nil: undefined, freq: 3 }),
  })
  .map(({ a, b }) => [...(a === undefined ? [] : [{ name: "csi.a", storageCapacity: a }]), ...(b === undefined ? [] : [{ name: "csi.b", storageCapacity: b }])])

// sizes around the claims' requests (1..3 Gi)
const capacitySize = fc.constantFrom(0, Gi / 2, Gi, 2 * Gi, 2 * Gi, 3 * Gi, 4 * Gi, 8 * Gi)

const capacityArb = (name: string): fc.Arbitrary<CsiStorageCapacity> =>
  fc
    .record({
      className: fc.constantFrom("wait", "wait", "wait", "ebs", "now"),
      capacity: fc.option(capacitySize, { nil: undefined, freq: 6 }),
      maximum: fc.option(capacitySize, { nil: undefined, freq: 2 }),
      topology: fc.oneof(
        { weight: 3, arbitrary: zone.map((z) => ({ matchLabels: { [ZONE]: z } })) },
        { weight: 1, arbitrary: fc.constant({ matchExpressions: [{ key: ZONE, operator: "In" as const, values: ["z1", "z2"] }] }) },
        { weight: 2, arbitrary: fc.constantFrom("n0", "n1", "n2").map((n) => ({ matchLabels: { [HOSTNAME]: n } })) },
        { weight: 1, arbitrary: fc.constant({}) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
    })
    .map(({ className, capacity, maximum, topology }) => ({
      namespace: "kube-system",
      name,
      storageClassName: className,
      ...(capacity === undefined ? {} : { capacityBytes: capacity }),
      ...(maximum === undefined ? {} : { maximumVolumeSizeBytes: maximum }),
      ...(topology === undefined ? {} : { nodeTopology: topology }),
    }))

const maybe = <A>(arb: fc.Arbitrary<A>, freq: number): fc.Arbitrary<A | undefined> => fc.option(arb, { nil: undefined, freq })

/**
 * A VolumeAttachment: mostly of pv0..pv3 (which pre-bound pods may use, or no pod) on n0..n3 by
 * their CSI drivers; sometimes by another attacher, on a node that does not exist, of a missing
 * PV, or an inline source.
 */
const attachmentArb = (name: string): fc.Arbitrary<VolumeAttachment> =>
  fc
    .record({
      attacher: fc.constantFrom("csi.a", "csi.a", "csi.b", "ebs.csi.aws.com"),
      node: fc.oneof({ weight: 8, arbitrary: fc.constantFrom("n0", "n0", "n1", "n2", "n3") }, { weight: 1, arbitrary: fc.constant("n9") }),
      pv: fc.oneof({ weight: 10, arbitrary: fc.constantFrom("pv0", "pv1", "pv2", "pv3") }, { weight: 1, arbitrary: fc.constant("pv9") }, { weight: 1, arbitrary: fc.constant(undefined) }),
      attached: fc.boolean(),
    })
    .map(({ attacher, node, pv, attached }) => ({
      name,
      attacher,
      nodeName: node,
      ...(pv === undefined ? { inline: true } : { persistentVolumeName: pv }),
      ...(attached ? { attached: true } : {}),
    }))

/**
 * 1..4 nodes (some with a CSINode), 1..10 pods (0..4 of them pre-bound), the StorageClasses, PVs
 * `pv0..pv3` and claims `c0..c4` (each usually present), the pods' ephemeral claims, CSIDrivers,
 * CSIStorageCapacities and 0..4 VolumeAttachments. Nodes and
 * pods are arrays, so counterexamples shrink by dropping them.
 */
export const volumeClusterArb: fc.Arbitrary<VolumeCase> = fc
  .record({
    nodes: fc.array(nodeDraftArb, { minLength: 1, maxLength: 4 }),
    pods: fc.array(podDraftArb, { minLength: 1, maxLength: 10 }),
    prebound: fc.integer({ min: 0, max: 4 }),
    classes: storageClassesArb,
    // each PV and claim exists most of the time: a missing one rejects the pod at PreFilter
    volumes: fc.tuple(...["pv0", "pv1", "pv2", "pv3"].map((n) => maybe(volumeArb(n), 6))),
    claims: fc.tuple(...[0, 1, 2, 3, 4].map(() => maybe(claimDraftArb, 8))),
    otherClaims: fc.tuple(maybe(claimDraftArb, 2), maybe(claimDraftArb, 2)),
    drivers: csiDriversArb,
    capacities: fc.tuple(...["cap0", "cap1", "cap2", "cap3"].map((n) => maybe(capacityArb(n), 2))),
    attachments: fc.tuple(...["va0", "va1", "va2", "va3"].map((n) => maybe(attachmentArb(n), 4))),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map(({ nodes, pods, prebound, classes, volumes, claims, otherClaims, drivers, capacities, attachments, seed }): VolumeCase => {
    const ephemeral = pods.flatMap((p, i) =>
      p.ephemeralClaim !== undefined && p.volumes.some((v) => v.source.type === "ephemeral") ? [named(p.ephemeralClaim, p.namespace, `p${i}-eph`, `p${i}`)] : [],
    )
    const allClaims = [
      ...claims.flatMap((d, i) => (d === undefined ? [] : [named(d, NAMESPACE, `c${i}`)])),
      ...otherClaims.flatMap((d, i) => (d === undefined ? [] : [named(d, OTHER_NAMESPACE, `c${i}`)])),
      ...ephemeral,
    ]
    const storage: StorageObjects = {
      persistentVolumes: consistent(volumes.filter((v): v is PersistentVolume => v !== undefined), allClaims),
      persistentVolumeClaims: allClaims,
      storageClasses: classes,
      csiNodes: nodes.flatMap((d, i) => (d.csi === undefined ? [] : [{ nodeName: `n${i}`, ...d.csi }])),
      csiDrivers: drivers,
      csiStorageCapacities: capacities.filter((c): c is CsiStorageCapacity => c !== undefined),
      volumeAttachments: attachments.filter((a): a is VolumeAttachment => a !== undefined),
    }
    return {
      nodes: nodes.map((d, i) => nodeOf(d, `n${i}`)),
      pods: pods.map((d, i) => podOf(d, `p${i}`)),
      prebound,
      objects: { storage },
      seed,
    }
  })
