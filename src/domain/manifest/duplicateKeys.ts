/**
 * Keys given twice in one JSON object. `JSON.parse` keeps the last value without a word, so a
 * user's `"cpu": "1", "cpu": "64"` would change the answer silently; the API server's strict
 * decoding (kubectl's default `--validate=strict`) refuses such an object with
 * `strict decoding error: duplicate field "spec.containers[0].resources.requests.cpu"`.
 *
 * Finding them is split so that valid input pays almost nothing: the key tokens of the text are
 * counted ({@link countKeyTokens}, or during a structural scan already made) and compared with the
 * keys the parsed value holds (equal exactly when no object repeats a key); only when they
 * differ is the text read again, slowly, by {@link duplicateKeysIn} to name each duplicate.
 *
 * @since 0.1.0
 */
import type { PathSegment } from "./JsonPath.ts"

/**
 * A key given again in an object of a JSON text.
 *
 * @since 0.1.0
 * @category model
 */
export interface DuplicateKey {
  /** The object holding the key, from the root of the text. */
  readonly path: ReadonlyArray<PathSegment>
  /** The key as parsed (escapes resolved: `"c\u0070u"` is `cpu`). */
  readonly key: string
  /** Where the repeated occurrence starts in the text (its opening quote; a UTF-16 index). */
  readonly offset: number
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COLON = 0x3a

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

/** The index after the string whose opening quote is at `i`, or the text's length when it never closes. */
const stringEnd = (text: string, i: number): number => {
  let at = i + 1
  for (;;) {
    const q = text.indexOf('"', at)
    if (q === -1) return text.length
    let slashes = 0
    for (let k = q - 1; k > i && text.charCodeAt(k) === BACKSLASH; k--) slashes++
    if (slashes % 2 === 0) return q + 1
    at = q + 1
  }
}

/**
 * How many object keys a JSON text writes, counting repeats: in JSON a string followed by a colon
 * is a key and nothing else is. For text `JSON.parse` accepted; one pass of native string
 * searches, no allocation.
 *
 * @example
 * import { countKeyTokens } from "catcluster/domain/manifest"
 * countKeyTokens('{"a": 1, "a": {"b": "c:d"}}') // 3
 *
 * @since 0.1.0
 * @category destructors
 */
export const countKeyTokens = (text: string): number => {
  let count = 0
  let i = text.indexOf('"')
  while (i !== -1) {
    let at = stringEnd(text, i)
    let c = text.charCodeAt(at)
    while (isSpace(c)) c = text.charCodeAt(++at)
    if (c === COLON) count++
    i = text.indexOf('"', at)
  }
  return count
}

/**
 * How many keys a parsed JSON value holds (each object's own keys, summed over the tree). Equal
 * to {@link countKeyTokens} of its text exactly when no object of the text repeats a key.
 * Iterative: any nesting `JSON.parse` accepts.
 *
 * @example
 * import { countKeys } from "catcluster/domain/manifest"
 * countKeys(JSON.parse('{"a": 1, "a": {"b": 2}}')) // 2
 *
 * @since 0.1.0
 * @category destructors
 */
export const countKeys = (value: unknown): number => {
  let count = 0
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v !== "object" || v === null) continue
    if (Array.isArray(v)) {
      for (const x of v) if (typeof x === "object" && x !== null) stack.push(x)
      continue
    }
    for (const k in v) {
      count++
      const x = (v as Record<string, unknown>)[k]
      if (typeof x === "object" && x !== null) stack.push(x)
    }
  }
  return count
}

/** An object (its keys so far, the key being read) or an array (the element being read). */
interface Frame {
  readonly keys: Set<string> | undefined
  key: string
  index: number
}

/**
 * Every key given again in an object of a JSON text, in text order, with the path of its object
 * and where it is. For text `JSON.parse` accepted (it judges the grammar); the slow, precise
 * reading run only when counts say a key repeats. Iterative: any nesting.
 *
 * @example
 * import { duplicateKeysIn } from "catcluster/domain/manifest"
 * duplicateKeysIn('{"spec": {"containers": [{"name": "a", "name": "b"}]}}')
 * // [{ path: ["spec", "containers", 0], key: "name", offset: 39 }]
 *
 * @since 0.1.0
 * @category destructors
 */
export const duplicateKeysIn = (text: string): ReadonlyArray<DuplicateKey> => {
  const out: DuplicateKey[] = []
  const stack: Frame[] = []
  let expectKey = false
  let i = 0
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      const end = stringEnd(text, i)
      const top = stack[stack.length - 1]
      if (expectKey && top?.keys !== undefined) {
        const key = JSON.parse(text.slice(i, end)) as string
        if (top.keys.has(key)) out.push({ path: stack.slice(0, -1).map((f) => (f.keys === undefined ? f.index : f.key)), key, offset: i })
        else top.keys.add(key)
        top.key = key
        expectKey = false
      }
      i = end
      continue
    }
    if (c === 0x7b) {
      stack.push({ keys: new Set(), key: "", index: 0 })
      expectKey = true
    } else if (c === 0x5b) {
      stack.push({ keys: undefined, key: "", index: 0 })
      expectKey = false
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop()
      expectKey = false
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1]
      if (top?.keys === undefined) {
        if (top !== undefined) top.index++
      } else expectKey = true
    }
    i++
  }
  return out
}

/**
 * A path as the API server's strict decoder prints it: keys joined by dots, unquoted, indices in
 * brackets (`spec.containers[0].resources.requests.cpu`).
 */
const upstreamPath = (segments: ReadonlyArray<PathSegment>): string =>
  segments.reduce<string>((p, s) => (typeof s === "number" ? `${p}[${s}]` : p === "" ? s : `${p}.${s}`), "")

/**
 * The problem a duplicate key is, in one line: the key, and what Kubernetes answers. For JSON
 * (`format` "json") the API server's strict decoding error, whose path starts at the object it
 * decodes (`inObject`: the mapping's path there, e.g. without a List's `items[i]`); for YAML
 * the strict YAML decoder's words (go-yaml: `key "cpu" already set in map`); for catcluster's own
 * files (`format` "own": an HPA history, a presentation) what a lax reader would have done.
 *
 * @example
 * import { duplicateFieldProblem } from "catcluster/domain/manifest"
 * duplicateFieldProblem("cpu", ["spec", "containers", 0, "resources", "requests"])
 * // 'duplicate field "cpu" (the API server refuses the object: strict decoding error: duplicate field "spec.containers[0].resources.requests.cpu")'
 * duplicateFieldProblem("cpu", ["spec"], "yaml")
 * // 'duplicate field "cpu" (Kubernetes' strict YAML decoding refuses it: key "cpu" already set in map)'
 *
 * @since 0.1.0
 * @category destructors
 */
export const duplicateFieldProblem = (key: string, inObject: ReadonlyArray<PathSegment>, format: "json" | "yaml" | "own" = "json"): string =>
  format === "json"
    ? `duplicate field ${JSON.stringify(key)} (the API server refuses the object: strict decoding error: duplicate field ${JSON.stringify(upstreamPath([...inObject, key]))})`
    : format === "yaml"
      ? `duplicate field ${JSON.stringify(key)} (Kubernetes' strict YAML decoding refuses it: key ${JSON.stringify(key)} already set in map)`
      : `duplicate field ${JSON.stringify(key)} (a YAML or JSON reader would keep the last value silently)`

/**
 * The 1-based line and column of `offset` in `text`, the text itself starting at `start`
 * (columns in UTF-8 bytes, as the streamed reader counts them).
 *
 * @example
 * import { positionIn } from "catcluster/domain/manifest"
 * positionIn("{\n  \"a\": 1}", 4) // { line: 2, column: 3 }
 *
 * @since 0.1.0
 * @category destructors
 */
export const positionIn = (
  text: string,
  offset: number,
  start: { readonly line: number; readonly column: number } = { line: 1, column: 1 },
): { readonly line: number; readonly column: number } => {
  let line = 0
  let lineStart = 0
  for (let n = text.indexOf("\n"); n !== -1 && n < offset; n = text.indexOf("\n", n + 1)) {
    line++
    lineStart = n + 1
  }
  const column = Buffer.byteLength(text.slice(lineStart, offset)) + 1
  return line === 0 ? { line: start.line, column: start.column + column - 1 } : { line: start.line + line, column }
}
