/**
 * The manifests catcluster reads, as one union tagged by `kind` (match it with ts-pattern),
 * each with where it came from and the fields it had that catcluster does not know.
 *
 * @since 0.1.0
 */
import type * as t from "io-ts"
import { HorizontalPodAutoscaler } from "./codecs/autoscaling.ts"
import { PodDisruptionBudget } from "./codecs/disruption.ts"
import {
  KubeVirt,
  MigrationPolicy,
  VirtualMachine,
  VirtualMachineInstance,
  VirtualMachineInstanceMigration,
  VirtualMachineInstanceReplicaSet,
  VirtualMachinePool,
} from "./codecs/kubevirt.ts"
import type { ObjectMeta } from "./codecs/meta.ts"
import { Namespace } from "./codecs/namespace.ts"
import { EndpointSlice, Service } from "./codecs/network.ts"
import { Node } from "./codecs/node.ts"
import { Pod } from "./codecs/pod.ts"
import { LimitRange, PriorityClass, ResourceQuota, RuntimeClass } from "./codecs/policy.ts"
import { CSIDriver, CSINode, CSIStorageCapacity, PersistentVolume, PersistentVolumeClaim, StorageClass, VolumeAttachment } from "./codecs/storage.ts"
import { DaemonSet, Deployment, Job, ReplicaSet, ReplicationController, StatefulSet } from "./codecs/workloads.ts"

/**
 * The codec of every kind catcluster models, by `kind`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const manifestCodecs = {
  Pod,
  Deployment,
  ReplicaSet,
  StatefulSet,
  DaemonSet,
  Job,
  ReplicationController,
  Node,
  Namespace,
  VirtualMachine,
  VirtualMachineInstance,
  VirtualMachineInstanceReplicaSet,
  VirtualMachinePool,
  VirtualMachineInstanceMigration,
  MigrationPolicy,
  KubeVirt,
  PersistentVolumeClaim,
  PersistentVolume,
  StorageClass,
  CSINode,
  CSIDriver,
  CSIStorageCapacity,
  VolumeAttachment,
  ResourceQuota,
  LimitRange,
  PriorityClass,
  RuntimeClass,
  PodDisruptionBudget,
  Service,
  EndpointSlice,
  HorizontalPodAutoscaler,
} as const

/**
 * A kind catcluster decodes fully.
 *
 * @since 0.1.0
 * @category model
 */
export type KnownKind = keyof typeof manifestCodecs

/**
 * Where a manifest came from: the file, the 0-based document index in it, and for a kubectl
 * `List` the 0-based index in `items`.
 *
 * @since 0.1.0
 * @category model
 */
export interface ManifestSource {
  readonly file: string
  readonly document: number
  readonly item?: number
}

/**
 * What every decoded manifest carries besides its own fields.
 *
 * @since 0.1.0
 * @category model
 */
export interface ManifestInfo {
  readonly source: ManifestSource
  /** JSON paths (relative to the manifest) of fields catcluster does not model; kept in the object. */
  readonly unknownFields: ReadonlyArray<string>
}

/**
 * A manifest of a kind catcluster does not model: kept whole, its kind recorded.
 *
 * @since 0.1.0
 * @category model
 */
export interface GenericManifest {
  readonly kind: "Unknown"
  readonly declaredKind: string
  readonly apiVersion?: string
  readonly metadata?: ObjectMeta
  readonly raw: Readonly<Record<string, unknown>>
}

type Decoded<K extends KnownKind> = t.TypeOf<(typeof manifestCodecs)[K]>

/**
 * Any decoded manifest, tagged by `kind`.
 *
 * @example
 * import { match } from "ts-pattern"
 * import type { Manifest } from "catcluster/domain/manifest"
 * const describe = (m: Manifest): string =>
 *   match(m)
 *     .with({ kind: "Pod" }, (p) => `pod ${p.metadata?.name}`)
 *     .with({ kind: "Unknown" }, (g) => `unmodelled ${g.declaredKind}`)
 *     .otherwise((o) => o.kind)
 *
 * @since 0.1.0
 * @category model
 */
export type Manifest = { readonly [K in KnownKind]: Decoded<K> & ManifestInfo }[KnownKind] | (GenericManifest & ManifestInfo)

/**
 * The manifest of one kind.
 *
 * @since 0.1.0
 * @category model
 */
export type ManifestOf<K extends Manifest["kind"]> = Extract<Manifest, { readonly kind: K }>

/**
 * Whether catcluster decodes this kind fully.
 *
 * @since 0.1.0
 * @category refinements
 */
export const isKnownKind = (kind: string): kind is KnownKind => Object.prototype.hasOwnProperty.call(manifestCodecs, kind)

/**
 * The manifests of one kind.
 *
 * @example
 * import { ofKind } from "catcluster/domain/manifest"
 * // const pods = ofKind("Pod")(manifests)
 *
 * @since 0.1.0
 * @category filtering
 */
export const ofKind =
  <K extends Manifest["kind"]>(kind: K) =>
  (manifests: ReadonlyArray<Manifest>): ReadonlyArray<ManifestOf<K>> =>
    manifests.filter((m): m is ManifestOf<K> => m.kind === kind)

/**
 * The kinds that were kept as generic manifests, each once, in order of appearance.
 *
 * @since 0.1.0
 * @category destructors
 */
export const unknownKinds = (manifests: ReadonlyArray<Manifest>): ReadonlyArray<string> => [
  ...new Set(manifests.flatMap((m) => (m.kind === "Unknown" ? [m.declaredKind] : []))),
]
