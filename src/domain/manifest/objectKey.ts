/**
 * An object's identity as the API server keys it: its kind, its namespace (for a namespaced kind;
 * "default" when unset, as kubectl applies it) and its name. Two manifests with one key are one
 * object given twice: a cluster holds one.
 *
 * @since 0.1.0
 */
import type { Manifest } from "./Manifest.ts"

/**
 * Kinds the API server keeps without a namespace (a namespace written on one is ignored).
 *
 * @since 0.1.0
 * @category constants
 */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  "Node",
  "Namespace",
  "PersistentVolume",
  "StorageClass",
  "CSINode",
  "CSIDriver",
  "VolumeAttachment",
  "PriorityClass",
  "RuntimeClass",
  "MigrationPolicy",
  "NodeResourceTopology",
])

/**
 * `Kind namespace/name`, or `Kind name` for a cluster-scoped kind; `undefined` for an object
 * without a name (one with only `generateName` is a new object each time).
 *
 * @since 0.1.0
 * @category destructors
 * @example
 * ```ts
 * import { decodeManifests, objectKey } from "catcluster/domain/manifest"
 * import * as E from "fp-ts/lib/Either.js"
 *
 * const [web] = E.getOrElseW(() => [])(decodeManifests("kind: Pod\napiVersion: v1\nmetadata: {name: web}\nspec: {containers: []}", "web.yaml"))
 * // a Pod without a namespace is the Pod of that name in "default"
 * console.log(web === undefined ? "" : objectKey(web)) // "Pod default/web"
 * ```
 */
export const objectKey = (m: Manifest): string | undefined => {
  const name = m.metadata?.name
  if (name === undefined) return undefined
  const kind = m.kind === "Unknown" ? m.declaredKind : m.kind
  return CLUSTER_SCOPED_KINDS.has(kind) ? `${kind} ${name}` : `${kind} ${m.metadata?.namespace ?? "default"}/${name}`
}
