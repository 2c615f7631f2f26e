import type { ManifestSource } from "../manifest/Manifest.ts"

/**
 * A manifest that decoded but cannot be turned into the cluster category: a Node without
 * resources, a VMI spec KubeVirt would not render, a controller with too many replicas to
 * enumerate. Names the file, the document (and `items` index of a List) and the JSON path.
 *
 * @since 0.1.0
 * @category errors
 */
export interface ModelError {
  readonly _tag: "ModelError"
  readonly source: ManifestSource
  /** The object, e.g. `VirtualMachineInstance default/big`. */
  readonly object: string
  /** JSON path inside the manifest (`spec.domain.resources.requests.memory`); "" for the whole object. */
  readonly path: string
  readonly problem: string
}

/**
 * Where a manifest came from, for messages: `vms.yaml: document 2, items[0]`.
 *
 * @since 0.1.0
 * @category destructors
 */
export const showSource = (s: ManifestSource): string =>
  `${s.file}: document ${s.document}${s.item === undefined ? "" : `, items[${s.item}]`}`

/**
 * `vms.yaml: document 2, VirtualMachineInstance default/big, spec.domain.memory.guest: not a quantity …`
 *
 * @since 0.1.0
 * @category destructors
 */
export const showModelError = (e: ModelError): string =>
  `${showSource(e.source)}, ${e.object}${e.path === "" ? "" : `, ${e.path}`}: ${e.problem}`
