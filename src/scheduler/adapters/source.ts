/**
 * Where a manifest came from, for messages (`file: document d, items[i], path`), its plain
 * document (the VMI reader takes quantities as written), and reading files into decoded
 * manifests with their documents.
 *
 * @since 0.1.0
 */
import * as E from "fp-ts/lib/Either.js"
import { parseAllDocuments } from "yaml"
import { decodeManifests } from "../../domain/manifest/decode.ts"
import type { Manifest } from "../../domain/manifest/Manifest.ts"
import { showManifestError } from "../../domain/manifest/ManifestError.ts"
import { SchedulerInputError } from "../SchedulerInputError.ts"

/**
 * `file: document d[, items[i]][, path]`: where a field of a manifest is.
 *
 * @since 0.1.0
 * @category destructors
 */
export const where = (m: Manifest, path: string): string =>
  `${m.source.file}: document ${m.source.document}${m.source.item === undefined ? "" : `, items[${m.source.item}]`}${path === "" ? "" : `, ${path}`}`

/**
 * `namespace/name` of an object (namespace "default" when unset, as kubectl applies it).
 *
 * @since 0.1.0
 * @category destructors
 */
export const keyOf = (m: { readonly metadata?: { readonly name?: string; readonly namespace?: string } }): string =>
  `${namespaceOfObject(m)}/${m.metadata?.name ?? "<unnamed>"}`

/**
 * The namespace of an object: its own, else "default".
 *
 * @since 0.1.0
 * @category destructors
 */
export const namespaceOfObject = (m: { readonly metadata?: { readonly namespace?: string } }): string => {
  const ns = m.metadata?.namespace
  return ns === undefined || ns === "" ? "default" : ns
}

/**
 * A decoded file: its manifests, and its plain documents on demand (only VMIs and VMs need them,
 * and reading a large file twice is what costs).
 *
 * @since 0.1.0
 * @category model
 */
export interface DecodedFile {
  readonly file: string
  readonly manifests: ReadonlyArray<Manifest>
  readonly raws: () => ReadonlyArray<unknown>
}

// JSON (kubectl get -o json) is one document; JSON.parse reads it two orders of magnitude faster.
// The text was decoded first (decodeFile below), which refuses a key given twice, so JSON.parse drops nothing here.
const plainDocuments = (text: string): ReadonlyArray<unknown> => {
  const start = text.trimStart()[0]
  if (start === "{" || start === "[") {
    try {
      return [JSON.parse(text)]
    } catch {
      // not JSON after all: read it as YAML
    }
  }
  const docs = parseAllDocuments(text)
  return Array.isArray(docs) ? docs.map((d) => d.toJS()) : []
}

/**
 * Decode a file's text; bad input is a {@link SchedulerInputError} listing every problem.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decodeFile = (text: string, file: string): DecodedFile => {
  const r = decodeManifests(text, file)
  if (E.isLeft(r)) throw new SchedulerInputError("", r.left.map(showManifestError).join("\n"))
  let raws: ReadonlyArray<unknown> | undefined
  return { file, manifests: r.right, raws: () => (raws ??= plainDocuments(text)) }
}

/**
 * The plain object a manifest was decoded from.
 *
 * @since 0.1.0
 * @category destructors
 */
export const rawOf = (raws: ReadonlyArray<unknown>, m: Manifest): unknown => {
  const doc = raws[m.source.document] as { items?: ReadonlyArray<unknown> } | undefined
  return m.source.item === undefined ? doc : doc?.items?.[m.source.item]
}
