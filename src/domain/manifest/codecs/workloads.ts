/**
 * Controllers that stamp out pods from a template: Deployment, ReplicaSet, StatefulSet,
 * DaemonSet (`apps/v1`), Job (`batch/v1`), ReplicationController (`v1`).
 *
 * @since 0.1.0
 */
import * as t from "io-ts"
import { LabelSelector, ObjectMeta } from "./meta.ts"
import { PodTemplateSpec } from "./pod.ts"
import { Integer, OpaqueObject, StringMap, struct } from "./primitives.ts"

/**
 * A Kubernetes Deployment (`apps/v1`).
 *
 * @since 0.1.0
 * @category codecs
 */
export const Deployment = struct(
  "Deployment",
  {
    apiVersion: t.string,
    kind: t.literal("Deployment"),
    spec: struct(
      "DeploymentSpec",
      { template: PodTemplateSpec },
      {
        replicas: Integer,
        selector: LabelSelector,
        strategy: OpaqueObject,
        minReadySeconds: Integer,
        revisionHistoryLimit: Integer,
        progressDeadlineSeconds: Integer,
        paused: t.boolean,
      },
    ),
  },
  { metadata: ObjectMeta, status: OpaqueObject },
)

/**
 * A Kubernetes ReplicaSet (`apps/v1`).
 *
 * @since 0.1.0
 * @category codecs
 */
export const ReplicaSet = struct(
  "ReplicaSet",
  {
    apiVersion: t.string,
    kind: t.literal("ReplicaSet"),
    spec: struct(
      "ReplicaSetSpec",
      { template: PodTemplateSpec },
      { replicas: Integer, selector: LabelSelector, minReadySeconds: Integer },
    ),
  },
  { metadata: ObjectMeta, status: OpaqueObject },
)

/**
 * A Kubernetes StatefulSet (`apps/v1`).
 *
 * @since 0.1.0
 * @category codecs
 */
export const StatefulSet = struct(
  "StatefulSet",
  {
    apiVersion: t.string,
    kind: t.literal("StatefulSet"),
    spec: struct(
      "StatefulSetSpec",
      { template: PodTemplateSpec },
      {
        replicas: Integer,
        serviceName: t.string,
        selector: LabelSelector,
        volumeClaimTemplates: t.array(OpaqueObject),
        podManagementPolicy: t.string,
        updateStrategy: OpaqueObject,
        minReadySeconds: Integer,
        revisionHistoryLimit: Integer,
        persistentVolumeClaimRetentionPolicy: OpaqueObject,
        ordinals: OpaqueObject,
      },
    ),
  },
  { metadata: ObjectMeta, status: OpaqueObject },
)

/**
 * A Kubernetes Job (`batch/v1`).
 *
 * @since 0.1.0
 * @category codecs
 */
export const Job = struct(
  "Job",
  {
    apiVersion: t.string,
    kind: t.literal("Job"),
    spec: struct(
      "JobSpec",
      { template: PodTemplateSpec },
      {
        parallelism: Integer,
        completions: Integer,
        backoffLimit: Integer,
        backoffLimitPerIndex: Integer,
        maxFailedIndexes: Integer,
        activeDeadlineSeconds: Integer,
        ttlSecondsAfterFinished: Integer,
        completionMode: t.string,
        suspend: t.boolean,
        selector: LabelSelector,
        manualSelector: t.boolean,
        podFailurePolicy: OpaqueObject,
        podReplacementPolicy: t.string,
        successPolicy: OpaqueObject,
        managedBy: t.string,
      },
    ),
  },
  { metadata: ObjectMeta, status: OpaqueObject },
)

/**
 * A Kubernetes DaemonSet (`apps/v1`): one pod per eligible node.
 *
 * @since 0.1.0
 * @category codecs
 */
export const DaemonSet = struct(
  "DaemonSet",
  {
    apiVersion: t.string,
    kind: t.literal("DaemonSet"),
    spec: struct(
      "DaemonSetSpec",
      { template: PodTemplateSpec },
      { selector: LabelSelector, updateStrategy: OpaqueObject, minReadySeconds: Integer, revisionHistoryLimit: Integer },
    ),
  },
  { metadata: ObjectMeta, status: OpaqueObject },
)

/**
 * A Kubernetes ReplicationController (`v1`): a map selector (defaulted from the template's labels
 * when empty) and an optional template.
 *
 * @since 0.1.0
 * @category codecs
 */
export const ReplicationController = struct(
  "ReplicationController",
  { apiVersion: t.string, kind: t.literal("ReplicationController") },
  {
    metadata: ObjectMeta,
    spec: t.partial(
      { replicas: Integer, selector: StringMap, template: PodTemplateSpec, minReadySeconds: Integer },
      "ReplicationControllerSpec",
    ),
    status: OpaqueObject,
  },
)

/** A decoded Deployment. @since 0.1.0 @category model */
export type Deployment = t.TypeOf<typeof Deployment>
/** A decoded ReplicaSet. @since 0.1.0 @category model */
export type ReplicaSet = t.TypeOf<typeof ReplicaSet>
/** A decoded StatefulSet. @since 0.1.0 @category model */
export type StatefulSet = t.TypeOf<typeof StatefulSet>
/** A decoded Job. @since 0.1.0 @category model */
export type Job = t.TypeOf<typeof Job>
/** A decoded DaemonSet. @since 0.1.0 @category model */
export type DaemonSet = t.TypeOf<typeof DaemonSet>
/** A decoded ReplicationController. @since 0.1.0 @category model */
export type ReplicationController = t.TypeOf<typeof ReplicationController>
