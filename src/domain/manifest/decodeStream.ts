/**
 * Decoding a kubectl or API list read in chunks ({@link streamJsonList}): each item decoded as it
 * arrives and its text dropped, so a cluster of a million pods costs its decoded objects, not its
 * gigabytes of JSON. Errors name the item's path and, read again as YAML, its line.
 *
 * @since 0.1.0
 */
import * as E from "fp-ts/lib/Either.js"
import type { Either } from "fp-ts/lib/Either.js"
import { decodeListItem, locateIn, type DecodedFile, type Locate } from "./decode.ts"
import { streamJsonList, type ReadBytes, type TextPosition } from "./JsonStream.ts"
import type { Manifest } from "./Manifest.ts"
import type { ManifestError } from "./ManifestError.ts"

/**
 * How a streamed read ended: decoded (manifests and problems), or the text is not a list
 * (`NotAList`: not a JSON object, or an object without `items` or whose kind is not `…List`)
 * or not JSON (`NotJson`: YAML's flow style and several documents start with `{` too), which the
 * caller reads whole instead.
 *
 * @since 0.1.0
 * @category model
 */
export type StreamedFile =
  | { readonly _tag: "NotAList" }
  /** Not JSON as it stands: YAML may still read it (flow style, comments, several documents); the error if not. */
  | { readonly _tag: "NotJson"; readonly error: ManifestError }
  | { readonly _tag: "Decoded"; readonly result: Either<ReadonlyArray<ManifestError>, DecodedFile> }

/**
 * How many problems one file reports in full; the rest are counted.
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_LISTED_PROBLEMS = 1000

/** Kinds whose plain document the scheduler reads besides the decoded manifest (launcher pods of VMs). */
const keepsRaw = (m: Manifest): boolean => m.kind !== "Pod" && m.kind !== "Node"

/** Paths inside an item, placed in the file: the item's text read again, shifted to where it starts. */
const itemLocator =
  (text: string, start: TextPosition): Locate =>
  (segments) => {
    const at = locateIn(text)(segments.slice(2))
    if (at === undefined) return start
    return at.line === 1 ? { line: start.line, column: start.column + at.column - 1 } : { line: start.line + at.line - 1, column: at.column }
  }

/**
 * Decodes the list that `read` delivers (see {@link streamJsonList}). Items of a typed list
 * (`PodList`) that omit their kind take it from the list, which the API server writes before
 * `items`; kubectl's `List` items name their own. Each manifest's plain document is kept only
 * where a reader needs it (not for Pods and Nodes: the bulk of a dump).
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeJsonStream = (read: ReadBytes, file: string): StreamedFile => {
  const head: Record<string, unknown> = {}
  const manifests: Manifest[] = []
  const raws: unknown[] = []
  const errors: ManifestError[] = []
  let unlisted = 0
  let sawItems = false
  // items without a kind before the list's kind is known (an unusual key order)
  const waiting: Array<{ readonly value: unknown; readonly index: number; readonly text: string; readonly at: TextPosition; readonly keyTokens: number }> = []
  const defaults = (): { readonly kind?: string; readonly apiVersion?: string } => {
    const kind = head.kind
    if (typeof kind !== "string" || kind === "List" || !kind.endsWith("List")) return {}
    return { kind: kind.slice(0, -"List".length), ...(typeof head.apiVersion === "string" ? { apiVersion: head.apiVersion } : {}) }
  }
  const decodeItem = (value: unknown, index: number, text: string, at: TextPosition, keyTokens: number): void => {
    const r = decodeListItem(value, { file, document: 0, item: index, defaults: defaults(), locate: itemLocator(text, at), json: { text, keyTokens, start: at } })
    if (E.isRight(r)) {
      manifests.push(r.right)
      if (keepsRaw(r.right)) raws[index] = value
      return
    }
    for (const e of r.left) if (errors.length < MAX_LISTED_PROBLEMS) errors.push(e)
    else unlisted++
  }
  const scanned = streamJsonList(read, {
    field: (key, value) => {
      head[key] = value
    },
    item: (value, index, text, at, keyTokens) => {
      sawItems = true
      const kindless = typeof value === "object" && value !== null && !("kind" in value)
      if (kindless && typeof head.kind !== "string") waiting.push({ value, index, text, at, keyTokens })
      else decodeItem(value, index, text, at, keyTokens)
    },
  })
  if (scanned._tag === "NotAnObject") return { _tag: "NotAList" }
  if (scanned._tag === "SyntaxError") {
    return { _tag: "NotJson", error: { _tag: "ManifestError", file, document: 0, path: "", problem: scanned.problem, line: scanned.at.line, column: scanned.at.column } }
  }
  const kind = head.kind
  if (!sawItems || typeof kind !== "string" || !kind.endsWith("List")) return { _tag: "NotAList" }
  for (const w of waiting) decodeItem(w.value, w.index, w.text, w.at, w.keyTokens)
  if (unlisted > 0) errors.push({ _tag: "ManifestError", file, document: 0, path: "", problem: `${unlisted} more problems (the first ${MAX_LISTED_PROBLEMS} are listed)` })
  if (errors.length > 0) return { _tag: "Decoded", result: E.left(errors) }
  // items in file order (waiting items were decoded last)
  if (waiting.length > 0) manifests.sort((a, b) => (a.source.item ?? 0) - (b.source.item ?? 0))
  return { _tag: "Decoded", result: E.right({ manifests, documents: [{ ...head, items: raws }] }) }
}
