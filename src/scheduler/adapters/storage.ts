/**
 * Storage objects from manifests (PersistentVolumes, PersistentVolumeClaims, StorageClasses,
 * CSINodes, CSIDrivers, CSIStorageCapacities, VolumeAttachments) and the volumes of a pod spec, for the volume plugins (Kubernetes v1.35).
 *
 * What the API server or its controllers would do to an object before the scheduler sees it is
 * done here: a claim's or PV's class comes from the beta annotation
 * `volume.beta.kubernetes.io/storage-class` before `storageClassName`; a claim without a class
 * gets the default StorageClass (admission, and the PV controller for older claims: resolved
 * when the plugins read it); `volumeBindingMode` defaults to Immediate, an RBD pool to `rbd`, a
 * volume without a source to emptyDir; a claim's absent `status.phase` is Pending (the
 * `pv.kubernetes.io/bind-completed` annotation makes a claim with `volumeName` Bound), a PV's is
 * Available. What the API server would refuse is a {@link SchedulerInputError} naming the file,
 * document, item and JSON path: a PV without `spec.capacity.storage`, access modes or a volume
 * source (or with two), a `claimRef` without name or namespace, a claim without access modes or a
 * storage request, a volume with two sources, a CSIStorageCapacity without `storageClassName`,
 * with a negative `capacity` or `maximumVolumeSize` or an invalid `nodeTopology` selector, a
 * VolumeAttachment with an empty `attacher` or `nodeName` or without exactly one source, two
 * objects of one name.
 *
 * @since 0.1.0
 */
import * as E from "fp-ts/lib/Either.js"
import type * as t from "io-ts"
import { fastDecode } from "../../domain/manifest/fastDecode.ts"
import { appendPath } from "../../domain/manifest/JsonPath.ts"
import type { Manifest, ManifestOf } from "../../domain/manifest/Manifest.ts"
import type { LabelSelector as RawSelector } from "../../domain/manifest/codecs/meta.ts"
import { Volume } from "../../domain/manifest/codecs/volumes.ts"
import { validationPath, validationProblem } from "../../domain/manifest/validationProblem.ts"
import { value } from "../../domain/quantity/decimal.ts"
import type { Quantity } from "../../domain/quantity/Quantity.ts"
import type { LabelSelector, LabelSelectorRequirement } from "../model/LabelSelector.ts"
import type { NodeSelectorTerm, SelectorRequirement } from "../model/SchedulingPod.ts"
import type {
  CsiDriver,
  CsiNode,
  CsiStorageCapacity,
  InTreeVolume,
  PersistentVolume,
  PersistentVolumeClaim,
  PodVolume,
  StorageClass,
  StorageObjects,
  VolumeAttachment,
  VolumeSource,
} from "../model/Volumes.ts"
import { SchedulerInputError } from "../SchedulerInputError.ts"

/** The beta annotation that names a claim's or PV's class (it wins over the field). @since 0.1.0 @category constants */
export const BETA_STORAGE_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class"
/** The annotations marking the default StorageClass. @since 0.1.0 @category constants */
export const DEFAULT_CLASS_ANNOTATIONS: ReadonlyArray<string> = ["storageclass.kubernetes.io/is-default-class", "storageclass.beta.kubernetes.io/is-default-class"]
/** The PV controller's annotation on a claim whose binding completed. @since 0.1.0 @category constants */
export const BIND_COMPLETED_ANNOTATION = "pv.kubernetes.io/bind-completed"
/** The scheduler's annotation on a claim whose provisioning chose a node. @since 0.1.0 @category constants */
export const SELECTED_NODE_ANNOTATION = "volume.kubernetes.io/selected-node"
/** The CSINode annotation listing the in-tree plugins migrated to CSI on the node. @since 0.1.0 @category constants */
export const MIGRATED_PLUGINS_ANNOTATION = "storage.alpha.kubernetes.io/migrated-plugins"

const where = (m: Manifest, path: string): string =>
  `${m.source.file}: document ${m.source.document}${m.source.item === undefined ? "" : `, items[${m.source.item}]`}${path === "" ? "" : `, ${path}`}`

const bytes = (q: Quantity): number => Number(value(q))

interface RawRequirement {
  readonly key: string
  readonly operator: SelectorRequirement["operator"]
  readonly values?: ReadonlyArray<string>
}
const term = (t: { readonly matchExpressions?: ReadonlyArray<RawRequirement>; readonly matchFields?: ReadonlyArray<RawRequirement> }): NodeSelectorTerm => ({
  matchExpressions: (t.matchExpressions ?? []).map((r) => ({ key: r.key, operator: r.operator, values: r.values ?? [] })),
  matchFields: (t.matchFields ?? []).map((r) => ({ key: r.key, operator: r.operator, values: r.values ?? [] })),
})

const SELECTOR_OPERATORS = new Set(["In", "NotIn", "Exists", "DoesNotExist"])
const selector = (s: RawSelector, at: string): LabelSelector => {
  const expressions = (s.matchExpressions ?? []).map((r, i): LabelSelectorRequirement => {
    if (!SELECTOR_OPERATORS.has(r.operator)) throw new SchedulerInputError(`${at}.matchExpressions[${i}].operator`, `expected one of "In", "NotIn", "Exists", "DoesNotExist", got ${JSON.stringify(r.operator)}`)
    return { key: r.key, operator: r.operator as LabelSelectorRequirement["operator"], values: r.values ?? [] }
  })
  return { ...(s.matchLabels === undefined ? {} : { matchLabels: s.matchLabels }), ...(expressions.length === 0 ? {} : { matchExpressions: expressions }) }
}

/** The PV sources the API knows; exactly one must be given. */
const PV_SOURCES = [
  "csi", "gcePersistentDisk", "awsElasticBlockStore", "rbd", "iscsi", "azureDisk", "cinder", "portworxVolume", "hostPath", "local", "nfs",
  "cephfs", "fc", "flexVolume", "flocker", "glusterfs", "azureFile", "vsphereVolume", "quobyte", "photonPersistentDisk", "scaleIO", "storageos",
] as const

const inTreeOf = (spec: NonNullable<ManifestOf<"PersistentVolume">["spec"]>): InTreeVolume | undefined => {
  if (spec.awsElasticBlockStore !== undefined) return { plugin: "kubernetes.io/aws-ebs", volumeID: spec.awsElasticBlockStore.volumeID }
  if (spec.gcePersistentDisk !== undefined) return { plugin: "kubernetes.io/gce-pd", volumeID: spec.gcePersistentDisk.pdName }
  if (spec.azureDisk !== undefined) return { plugin: "kubernetes.io/azure-disk", volumeID: spec.azureDisk.diskURI }
  if (spec.cinder !== undefined) return { plugin: "kubernetes.io/cinder", volumeID: spec.cinder.volumeID }
  if (spec.portworxVolume !== undefined) return { plugin: "kubernetes.io/portworx-volume", volumeID: spec.portworxVolume.volumeID }
  return undefined
}

const nameOf = (m: Manifest, kind: string): string => {
  const name = m.metadata?.name
  if (name === undefined || name === "") throw new SchedulerInputError(where(m, "metadata.name"), `a ${kind} needs a name`)
  return name
}

const persistentVolume = (m: ManifestOf<"PersistentVolume">): PersistentVolume => {
  const name = nameOf(m, "PersistentVolume")
  const spec = m.spec ?? {}
  const storage = spec.capacity?.["storage"]
  if (storage === undefined) throw new SchedulerInputError(where(m, "spec.capacity.storage"), "a PersistentVolume needs its size (required)")
  if ((spec.accessModes ?? []).length === 0) throw new SchedulerInputError(where(m, "spec.accessModes"), "at least 1 access mode is required")
  const sources = PV_SOURCES.filter((s) => spec[s] !== undefined)
  if (sources.length === 0) throw new SchedulerInputError(where(m, "spec"), `must specify a volume type (one of ${PV_SOURCES.join(", ")})`)
  if (sources.length > 1) throw new SchedulerInputError(where(m, "spec"), `may not specify more than 1 volume type, got ${sources.join(" and ")}`)
  const claimRef = spec.claimRef
  if (claimRef !== undefined && (claimRef.name === undefined || claimRef.name === "" || claimRef.namespace === undefined || claimRef.namespace === "")) {
    throw new SchedulerInputError(where(m, "spec.claimRef"), "a claimRef names its claim's namespace and name")
  }
  const inTree = inTreeOf(spec)
  const required = spec.nodeAffinity?.required
  const annotations = m.metadata?.annotations ?? {}
  return {
    name,
    labels: m.metadata?.labels ?? {},
    capacityBytes: bytes(storage),
    accessModes: spec.accessModes ?? [],
    storageClassName: annotations[BETA_STORAGE_CLASS_ANNOTATION] ?? spec.storageClassName ?? "",
    ...(claimRef === undefined
      ? {}
      : { claimRef: { namespace: claimRef.namespace as string, name: claimRef.name as string, ...(claimRef.uid === undefined ? {} : { uid: claimRef.uid }) } }),
    ...(required === undefined ? {} : { nodeAffinity: required.nodeSelectorTerms.map(term) }),
    ...(spec.csi === undefined ? {} : { csiDriver: spec.csi.driver, volumeHandle: spec.csi.volumeHandle }),
    ...(inTree === undefined ? {} : { inTree }),
    ...(m.status?.phase === undefined ? {} : { phase: m.status.phase }),
    ...(spec.volumeMode === undefined ? {} : { volumeMode: spec.volumeMode }),
    ...(spec.volumeAttributesClassName === undefined ? {} : { volumeAttributesClassName: spec.volumeAttributesClassName }),
    ...(m.metadata?.deletionTimestamp === undefined ? {} : { deleting: true }),
  }
}

const controllerPodOf = (owners: ReadonlyArray<Readonly<Record<string, unknown>>> | undefined): string | undefined => {
  const owner = (owners ?? []).find((o) => o["kind"] === "Pod" && o["controller"] === true && typeof o["name"] === "string")
  return owner === undefined ? undefined : (owner["name"] as string)
}

const persistentVolumeClaim = (m: ManifestOf<"PersistentVolumeClaim">): PersistentVolumeClaim => {
  const name = nameOf(m, "PersistentVolumeClaim")
  const spec = m.spec
  if ((spec.accessModes ?? []).length === 0) throw new SchedulerInputError(where(m, "spec.accessModes"), "at least 1 access mode is required")
  const storage = spec.resources?.requests?.["storage"]
  if (storage === undefined) throw new SchedulerInputError(where(m, "spec.resources.requests.storage"), "a claim needs a storage request (required)")
  const annotations = m.metadata?.annotations ?? {}
  const className = annotations[BETA_STORAGE_CLASS_ANNOTATION] ?? spec.storageClassName
  const volumeName = spec.volumeName === "" ? undefined : spec.volumeName
  const given = m.status?.phase ?? "Pending"
  const phase = given === "Pending" && volumeName !== undefined && Object.hasOwn(annotations, BIND_COMPLETED_ANNOTATION) ? "Bound" : given
  const selectedNode = annotations[SELECTED_NODE_ANNOTATION]
  const controllerPod = controllerPodOf(m.metadata?.ownerReferences)
  return {
    namespace: m.metadata?.namespace ?? "default",
    name,
    accessModes: spec.accessModes ?? [],
    ...(className === undefined ? {} : { storageClassName: className }),
    ...(volumeName === undefined ? {} : { volumeName }),
    requestBytes: bytes(storage),
    phase,
    ...(m.metadata?.deletionTimestamp === undefined ? {} : { deleting: true }),
    ...(m.metadata?.uid === undefined ? {} : { uid: m.metadata.uid }),
    ...(spec.selector === undefined ? {} : { selector: selector(spec.selector, where(m, "spec.selector")) }),
    ...(spec.volumeMode === undefined ? {} : { volumeMode: spec.volumeMode }),
    ...(spec.volumeAttributesClassName === undefined ? {} : { volumeAttributesClassName: spec.volumeAttributesClassName }),
    ...(selectedNode === undefined ? {} : { selectedNode }),
    ...(controllerPod === undefined ? {} : { controllerPod }),
  }
}

const storageClass = (m: ManifestOf<"StorageClass">): StorageClass => {
  const name = nameOf(m, "StorageClass")
  const annotations = m.metadata?.annotations ?? {}
  const created = m.metadata?.creationTimestamp === undefined ? Number.NaN : Date.parse(m.metadata.creationTimestamp)
  return {
    name,
    provisioner: m.provisioner,
    volumeBindingMode: m.volumeBindingMode ?? "Immediate",
    ...(m.allowedTopologies === undefined
      ? {}
      : {
          allowedTopologies: m.allowedTopologies.map((t) => ({
            matchExpressions: (t.matchLabelExpressions ?? []).map((r) => ({ key: r.key, operator: "In" as const, values: r.values })),
            matchFields: [],
          })),
        }),
    ...(DEFAULT_CLASS_ANNOTATIONS.some((a) => annotations[a] === "true") ? { isDefault: true } : {}),
    ...(Number.isNaN(created) ? {} : { creationTimestamp: created }),
  }
}

const csiNode = (m: ManifestOf<"CSINode">): CsiNode => {
  const nodeName = nameOf(m, "CSINode")
  const migrated = m.metadata?.annotations?.[MIGRATED_PLUGINS_ANNOTATION]
  return {
    nodeName,
    drivers: m.spec.drivers.map((d) => ({
      name: d.name,
      ...(d.allocatable?.count === undefined ? {} : { allocatableCount: d.allocatable.count }),
      ...(d.topologyKeys === undefined ? {} : { topologyKeys: d.topologyKeys }),
    })),
    ...(migrated === undefined ? {} : { migratedPlugins: migrated.split(",").map((p) => p.trim()).filter((p) => p !== "") }),
  }
}

const csiDriver = (m: ManifestOf<"CSIDriver">): CsiDriver => ({ name: nameOf(m, "CSIDriver"), storageCapacity: m.spec.storageCapacity === true })

// the API server's ValidateLabelSelector: In and NotIn need values, Exists and DoesNotExist take none
const strictSelector = (s: RawSelector, at: string): LabelSelector => {
  const parsed = selector(s, at)
  ;(parsed.matchExpressions ?? []).forEach((r, i) => {
    const wantsValues = r.operator === "In" || r.operator === "NotIn"
    if (wantsValues && r.values.length === 0) throw new SchedulerInputError(`${at}.matchExpressions[${i}].values`, `must be specified when \`operator\` is 'In' or 'NotIn'`)
    if (!wantsValues && r.values.length > 0) throw new SchedulerInputError(`${at}.matchExpressions[${i}].values`, `may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`)
  })
  return parsed
}

const nonNegativeBytes = (q: Quantity, m: Manifest, path: string): number => {
  const n = bytes(q)
  if (n < 0) throw new SchedulerInputError(where(m, path), "must be greater than or equal to 0")
  return n
}

const csiStorageCapacity = (m: ManifestOf<"CSIStorageCapacity">): CsiStorageCapacity => {
  const name = nameOf(m, "CSIStorageCapacity")
  if (m.storageClassName === "") throw new SchedulerInputError(where(m, "storageClassName"), "Required value")
  return {
    namespace: m.metadata?.namespace ?? "default",
    name,
    storageClassName: m.storageClassName,
    ...(m.capacity === undefined ? {} : { capacityBytes: nonNegativeBytes(m.capacity, m, "capacity") }),
    ...(m.maximumVolumeSize === undefined ? {} : { maximumVolumeSizeBytes: nonNegativeBytes(m.maximumVolumeSize, m, "maximumVolumeSize") }),
    ...(m.nodeTopology === undefined ? {} : { nodeTopology: strictSelector(m.nodeTopology, where(m, "nodeTopology")) }),
  }
}

// the API server's ValidateVolumeAttachment: an attacher, a node and exactly one source
const volumeAttachment = (m: ManifestOf<"VolumeAttachment">): VolumeAttachment => {
  const name = nameOf(m, "VolumeAttachment")
  const { attacher, nodeName, source } = m.spec
  if (attacher === "") throw new SchedulerInputError(where(m, "spec.attacher"), "Required value")
  if (nodeName === "") throw new SchedulerInputError(where(m, "spec.nodeName"), "Required value")
  const pvName = source.persistentVolumeName
  const inline = source.inlineVolumeSpec !== undefined
  if (pvName !== undefined && inline) throw new SchedulerInputError(where(m, "spec.source"), "must specify exactly one of inlineVolumeSpec and persistentVolumeName")
  if (pvName === undefined && !inline) throw new SchedulerInputError(where(m, "spec.source"), "must specify exactly one of inlineVolumeSpec and persistentVolumeName")
  if (pvName === "") throw new SchedulerInputError(where(m, "spec.source.persistentVolumeName"), "Required value")
  // status is kept loose (the controller writes it): only a literal `attached: true` is read
  const status = m.status as { readonly attached?: unknown } | undefined
  return {
    name,
    attacher,
    nodeName,
    ...(pvName === undefined ? { inline: true } : { persistentVolumeName: pvName }),
    ...(status?.attached === true ? { attached: true } : {}),
  }
}

const unique = <A>(items: ReadonlyArray<{ readonly m: Manifest; readonly a: A }>, key: (a: A) => string, kind: string): ReadonlyArray<A> => {
  const seen = new Set<string>()
  return items.map(({ m, a }) => {
    const k = key(a)
    if (seen.has(k)) throw new SchedulerInputError(where(m, "metadata.name"), `a second ${kind} named ${k}`)
    seen.add(k)
    return a
  })
}

/**
 * The storage objects among `manifests` (every other kind is left alone), in manifest order.
 *
 * @since 0.1.0
 * @category constructors
 */
export const storageObjectsOf = (manifests: ReadonlyArray<Manifest>): StorageObjects => {
  const pvs: Array<{ m: Manifest; a: PersistentVolume }> = []
  const pvcs: Array<{ m: Manifest; a: PersistentVolumeClaim }> = []
  const classes: Array<{ m: Manifest; a: StorageClass }> = []
  const nodes: Array<{ m: Manifest; a: CsiNode }> = []
  const drivers: Array<{ m: Manifest; a: CsiDriver }> = []
  const capacities: Array<{ m: Manifest; a: CsiStorageCapacity }> = []
  const attachments: Array<{ m: Manifest; a: VolumeAttachment }> = []
  for (const m of manifests) {
    if (m.kind === "PersistentVolume") pvs.push({ m, a: persistentVolume(m) })
    else if (m.kind === "PersistentVolumeClaim") pvcs.push({ m, a: persistentVolumeClaim(m) })
    else if (m.kind === "StorageClass") classes.push({ m, a: storageClass(m) })
    else if (m.kind === "CSINode") nodes.push({ m, a: csiNode(m) })
    else if (m.kind === "CSIDriver") drivers.push({ m, a: csiDriver(m) })
    else if (m.kind === "CSIStorageCapacity") capacities.push({ m, a: csiStorageCapacity(m) })
    else if (m.kind === "VolumeAttachment") attachments.push({ m, a: volumeAttachment(m) })
  }
  return {
    persistentVolumes: unique(pvs, (v) => v.name, "PersistentVolume"),
    persistentVolumeClaims: unique(pvcs, (c) => `${c.namespace}/${c.name}`, "PersistentVolumeClaim"),
    storageClasses: unique(classes, (c) => c.name, "StorageClass"),
    csiNodes: unique(nodes, (c) => c.nodeName, "CSINode"),
    ...(drivers.length === 0 ? {} : { csiDrivers: unique(drivers, (d) => d.name, "CSIDriver") }),
    ...(capacities.length === 0 ? {} : { csiStorageCapacities: unique(capacities, (c) => `${c.namespace}/${c.name}`, "CSIStorageCapacity") }),
    ...(attachments.length === 0 ? {} : { volumeAttachments: unique(attachments, (a) => a.name, "VolumeAttachment") }),
  }
}

/** The pod volume sources the API knows, typed or opaque. */
const POD_SOURCES = [
  "persistentVolumeClaim", "ephemeral", "gcePersistentDisk", "awsElasticBlockStore", "rbd", "iscsi", "azureDisk", "cinder", "portworxVolume", "csi",
  "emptyDir", "hostPath", "configMap", "secret", "projected", "downwardAPI", "nfs", "cephfs", "fc", "flexVolume", "flocker", "glusterfs", "azureFile",
  "vsphereVolume", "quobyte", "photonPersistentDisk", "scaleIO", "storageos", "gitRepo", "image",
] as const

const sourceOf = (v: Volume, kind: (typeof POD_SOURCES)[number]): VolumeSource => {
  switch (kind) {
    case "persistentVolumeClaim":
      return { type: "persistentVolumeClaim", claimName: v.persistentVolumeClaim?.claimName ?? "", readOnly: v.persistentVolumeClaim?.readOnly ?? false }
    case "ephemeral":
      return v.ephemeral?.volumeClaimTemplate === undefined ? { type: "ephemeral" } : { type: "ephemeral", claimTemplate: v.ephemeral.volumeClaimTemplate }
    case "gcePersistentDisk":
      return { type: "gcePersistentDisk", pdName: v.gcePersistentDisk?.pdName ?? "", readOnly: v.gcePersistentDisk?.readOnly ?? false }
    case "awsElasticBlockStore":
      return { type: "awsElasticBlockStore", volumeID: v.awsElasticBlockStore?.volumeID ?? "", readOnly: v.awsElasticBlockStore?.readOnly ?? false }
    case "rbd":
      return { type: "rbd", monitors: v.rbd?.monitors ?? [], pool: v.rbd?.pool ?? "rbd", image: v.rbd?.image ?? "", readOnly: v.rbd?.readOnly ?? false }
    case "iscsi":
      return { type: "iscsi", targetPortal: v.iscsi?.targetPortal ?? "", iqn: v.iscsi?.iqn ?? "", lun: v.iscsi?.lun ?? 0, readOnly: v.iscsi?.readOnly ?? false }
    case "azureDisk":
      return { type: "azureDisk", diskName: v.azureDisk?.diskName ?? "", diskURI: v.azureDisk?.diskURI ?? "" }
    case "cinder":
      return { type: "cinder", volumeID: v.cinder?.volumeID ?? "" }
    case "portworxVolume":
      return { type: "portworxVolume", volumeID: v.portworxVolume?.volumeID ?? "" }
    case "csi":
      return { type: "csi", driver: v.csi?.driver ?? "" }
    default:
      return { type: "other", kind }
  }
}

/**
 * The volumes of a pod spec (`spec.volumes`, as decoded or as plain data); `at` names them in
 * errors (e.g. `pods.yaml: document 2, spec.volumes`). A volume without a source is an emptyDir
 * (API defaulting); one with two sources, or only an unknown key, is bad input.
 *
 * @since 0.1.0
 * @category constructors
 */
export const podVolumesOf = (volumes: ReadonlyArray<unknown> | undefined, at = "spec.volumes"): ReadonlyArray<PodVolume> =>
  (volumes ?? []).map((raw, i) => {
    const path = appendPath(at, i)
    // io-ts only to say what is wrong: valid volumes (every pod has one) take the light walk
    const fast = fastDecode(Volume, raw)
    const decoded = fast !== undefined ? E.right(fast.value as t.TypeOf<typeof Volume>) : Volume.decode(raw)
    if (E.isLeft(decoded)) {
      // the first error in one line, path and problem, as the manifest decoder reports its own
      const first = decoded.left[0]
      if (first === undefined) throw new SchedulerInputError(path, "not a valid volume")
      throw new SchedulerInputError(validationPath(first.context).reduce(appendPath, path), validationProblem(first))
    }
    const v = decoded.right
    const sources = POD_SOURCES.filter((s) => v[s] !== undefined)
    if (sources.length > 1) throw new SchedulerInputError(path, `may not specify more than 1 volume type, got ${sources.join(" and ")}`)
    const unknown = Object.keys(raw as object).filter((k) => k !== "name" && !(POD_SOURCES as ReadonlyArray<string>).includes(k))
    if (sources.length === 0 && unknown.length > 0) throw new SchedulerInputError(appendPath(path, unknown[0] as string), "not a volume source catcluster knows")
    // the API server's validation: a generic ephemeral volume needs its claim's template
    if (sources[0] === "ephemeral" && v.ephemeral?.volumeClaimTemplate === undefined) throw new SchedulerInputError(appendPath(appendPath(path, "ephemeral"), "volumeClaimTemplate"), "Required value")
    return { name: v.name, source: sourceOf(v, sources[0] ?? "emptyDir") }
  })
