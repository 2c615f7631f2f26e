/**
 * Why a manifest file could not be read: malformed YAML, a value of the wrong type, a bad
 * quantity, a missing `kind`. Always names the file, the document and where in it.
 *
 * @since 0.1.0
 * @category errors
 */
export interface ManifestError {
  readonly _tag: "ManifestError"
  readonly file: string
  /** 0-based index of the YAML document in the file. */
  readonly document: number
  /** JSON path inside the document (`spec.containers[0].resources.requests.cpu`); "" for the document itself. */
  readonly path: string
  readonly problem: string
  /** The key given twice, when that is the problem (`path` is then the object holding it). */
  readonly duplicateKey?: string
  /** 1-based line and column in the file, when known. */
  readonly line?: number
  readonly column?: number
}

/**
 * `pod.yaml:14:16: document 0, spec.containers[0].resources.requests.cpu: expected a quantity, got "1K": …`
 *
 * @since 0.1.0
 * @category destructors
 */
export const showManifestError = (e: ManifestError): string => {
  const where = e.line === undefined ? e.file : `${e.file}:${e.line}:${e.column ?? 1}`
  return `${where}: document ${e.document}${e.path === "" ? "" : `, ${e.path}`}: ${e.problem}`
}
