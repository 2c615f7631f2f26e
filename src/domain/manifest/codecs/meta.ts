/**
 * Object metadata and label selectors (`meta/v1`).
 *
 * @since 0.1.0
 */
import * as t from "io-ts"
import { Integer, Opaque, OpaqueObject, StringMap, struct } from "./primitives.ts"

/**
 * `metadata`: name, namespace, labels, annotations, …
 *
 * @since 0.1.0
 * @category codecs
 */
export const ObjectMeta = t.partial(
  {
    name: t.string,
    generateName: t.string,
    namespace: t.string,
    uid: t.string,
    resourceVersion: t.string,
    generation: Integer,
    creationTimestamp: t.string,
    deletionTimestamp: t.string,
    deletionGracePeriodSeconds: Integer,
    labels: StringMap,
    annotations: StringMap,
    ownerReferences: t.array(OpaqueObject),
    finalizers: t.array(t.string),
    managedFields: t.array(Opaque),
    selfLink: t.string,
  },
  "ObjectMeta",
)

/**
 * A `matchExpressions` entry of a label selector.
 *
 * @since 0.1.0
 * @category codecs
 */
export const LabelSelectorRequirement = struct(
  "LabelSelectorRequirement",
  { key: t.string, operator: t.string },
  { values: t.array(t.string) },
)

/**
 * `matchLabels` and `matchExpressions`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const LabelSelector = t.partial(
  { matchLabels: StringMap, matchExpressions: t.array(LabelSelectorRequirement) },
  "LabelSelector",
)

/** Decoded `metadata`. @since 0.1.0 @category model */
export type ObjectMeta = t.TypeOf<typeof ObjectMeta>
/** A decoded label selector. @since 0.1.0 @category model */
export type LabelSelector = t.TypeOf<typeof LabelSelector>
