/**
 * PersistentVolumeClaims that controllers create before the pods that mount them: a
 * StatefulSet's `volumeClaimTemplates` (`<template>-<set>-<ordinal>`), the claim of a generic
 * ephemeral volume (`<pod>-<volume>`, owned by its pod) and the claim CDI makes for
 * a DataVolume (same name as the DataVolume; from its `spec.pvc`, or `spec.storage`, whose missing
 * fields CDI fills from the StorageProfile — left empty here). They are decoded with the
 * PersistentVolumeClaim codec and handed to the storage objects like the input's own claims.
 *
 * @since 0.1.0
 */
import * as E from "fp-ts/lib/Either.js"
import { PersistentVolumeClaim } from "../../domain/manifest/codecs/storage.ts"
import { appendPath } from "../../domain/manifest/JsonPath.ts"
import { validationPath, validationProblem } from "../../domain/manifest/validationProblem.ts"
import type { Manifest, ManifestSource } from "../../domain/manifest/Manifest.ts"
import type { Labels } from "../model/LabelSelector.ts"
import { nameOf, namespaceOf, type SchedulingPod } from "../model/SchedulingPod.ts"
import { SchedulerInputError } from "../SchedulerInputError.ts"
import { type Locate, required } from "./fieldErrors.ts"

/**
 * A claim `namespace/name` with `spec`, as if the controller had created it; `at` names the
 * template when the spec is not a claim's.
 *
 * @since 0.1.0
 * @category constructors
 */
export const createdClaim = (
  namespace: string,
  name: string,
  spec: unknown,
  labels: Labels,
  source: ManifestSource,
  at: string,
  meta: { readonly annotations?: Readonly<Record<string, string>>; readonly ownerReferences?: ReadonlyArray<Readonly<Record<string, unknown>>> } = {},
): Manifest => {
  const decoded = PersistentVolumeClaim.decode({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name, namespace, labels, ...meta }, spec: spec ?? {} })
  if (E.isLeft(decoded)) {
    const first = decoded.left[0]
    if (first === undefined) throw new SchedulerInputError(at, "not a valid PersistentVolumeClaim spec")
    // the path inside the claim, past its own `spec` (which is `at`)
    const inner = validationPath(first.context)
    const rest = inner[0] === "spec" ? inner.slice(1) : inner
    throw new SchedulerInputError(rest.reduce(appendPath, at), `not a valid PersistentVolumeClaim spec: ${validationProblem(first)}`)
  }
  return { ...decoded.right, source, unknownFields: [] }
}

/**
 * The claim of a DataVolume (a standalone one, or one of a VirtualMachine's `dataVolumeTemplates`);
 * `dv` is the DataVolume object as written, `locate` relative to it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const dataVolumeClaim = (dv: unknown, namespace: string, source: ManifestSource, locate: Locate): Manifest => {
  const d = dv as { metadata?: { name?: unknown; labels?: Labels }; spec?: { pvc?: unknown; storage?: unknown } } | undefined
  const name = d?.metadata?.name
  if (typeof name !== "string" || name === "") throw required(locate("metadata.name"))
  const field = d?.spec?.pvc !== undefined ? "spec.pvc" : d?.spec?.storage !== undefined ? "spec.storage" : "spec"
  return createdClaim(namespace, name, d?.spec?.pvc ?? d?.spec?.storage, d?.metadata?.labels ?? {}, source, locate(field))
}

/**
 * The claims the ephemeral volume controller creates for `pod`'s generic ephemeral volumes:
 * `<pod>-<volume>` in the pod's namespace, with the template's labels, annotations and spec, and
 * the pod as its controlling owner (the ownership VolumeBinding checks). `at(i)` names volume
 * `i` in errors.
 *
 * @since 0.1.0
 * @category constructors
 */
export const ephemeralClaims = (pod: SchedulingPod, source: ManifestSource, at: (volume: number) => string): ReadonlyArray<Manifest> =>
  (pod.volumes ?? []).flatMap((v, i) => {
    if (v.source.type !== "ephemeral" || v.source.claimTemplate === undefined) return []
    const template = v.source.claimTemplate as { metadata?: { labels?: Labels; annotations?: Readonly<Record<string, string>> }; spec?: unknown }
    const name = nameOf(pod)
    const owner = { apiVersion: "v1", kind: "Pod", name, controller: true, blockOwnerDeletion: true }
    return [
      createdClaim(namespaceOf(pod), `${name}-${v.name}`, template.spec, template.metadata?.labels ?? {}, source, ["ephemeral", "volumeClaimTemplate", "spec"].reduce(appendPath, at(i)), {
        ...(template.metadata?.annotations === undefined ? {} : { annotations: template.metadata.annotations }),
        ownerReferences: [owner],
      }),
    ]
  })
