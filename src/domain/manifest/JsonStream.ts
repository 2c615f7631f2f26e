/**
 * A JSON object read in chunks, its `items` array one element at a time: how `kubectl get … -o
 * json` and the API server list a cluster. A million pods are gigabytes of JSON, more than one
 * JavaScript string holds (about 512 MiB) and far more than one `JSON.parse` tree should occupy;
 * here only one item's text is in memory at once, and `JSON.parse` (native, two orders of
 * magnitude faster than a YAML parser) reads each item.
 *
 * The scan only finds where each value ends (strings, escapes, nesting); `JSON.parse` judges
 * the text itself, so the grammar is exactly JSON's. On the way it counts each item's key tokens
 * (a colon outside strings follows a key and nothing else), so that a key given twice in an
 * object, which `JSON.parse` drops silently, can be told from the parsed item's keys at no
 * extra pass (see `duplicateKeys.ts`). Positions are 1-based lines and columns (columns in bytes).
 *
 * @since 0.1.0
 */
import { countKeys, duplicateFieldProblem, duplicateKeysIn } from "./duplicateKeys.ts"
import { showPath } from "./JsonPath.ts"

/**
 * Fills `buffer` from `offset` with at most `length` bytes; returns how many (0 at the end).
 *
 * @since 0.1.0
 * @category model
 */
export type ReadBytes = (buffer: Uint8Array, offset: number, length: number) => number

/**
 * Where an item's text starts in the file.
 *
 * @since 0.1.0
 * @category model
 */
export interface TextPosition {
  readonly line: number
  readonly column: number
}

/**
 * What the scan hands over: each top-level field other than `items` parsed, and each element of
 * `items` parsed, with its index, its text and where it starts.
 *
 * @since 0.1.0
 * @category model
 */
export interface JsonListHandler {
  /** A top-level field other than an `items` array, parsed. */
  readonly field: (key: string, value: unknown) => void
  /**
   * Element `index` of `items`, parsed, with its text, where it starts and how many object keys
   * the text writes (repeats counted: more than the value holds when an object repeats a key).
   */
  readonly item: (value: unknown, index: number, text: string, at: TextPosition, keyTokens: number) => void
}

/**
 * How a scan ended: the whole object read, the text is not an object (the caller reads it
 * another way), or a syntax error at a position.
 *
 * @since 0.1.0
 * @category model
 */
export type JsonStreamResult =
  | { readonly _tag: "Read"; readonly items: number }
  | { readonly _tag: "NotAnObject" }
  | { readonly _tag: "SyntaxError"; readonly problem: string; readonly at: TextPosition }

/**
 * The largest single value (one item, or one top-level field) the scan holds: a Kubernetes object
 * is at most 1.5 MiB in etcd, so 64 MiB is a file that is not a list of objects.
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_JSON_VALUE_BYTES = 64 * 1024 * 1024

const CHUNK = 8 * 1024 * 1024
const FIRST_READ = 64 * 1024
const QUOTE = 0x22
const BACKSLASH = 0x5c
const COLON = 0x3a
const NEEDS_MORE = -1

const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09

/** Thrown inside the scan, turned into a `SyntaxError` result. */
class ScanError {
  constructor(
    readonly problem: string,
    readonly position: number,
  ) {}
}

/**
 * Reads a JSON object through `read`, calling `handler` for each top-level field and each element
 * of its `items` array. A top-level value that is not an object is `NotAnObject` (nothing handed
 * over); a value above {@link MAX_JSON_VALUE_BYTES}, bad JSON, bytes after the object or a key
 * the top-level object or one of its fields other than `items` gives twice (`JSON.parse` would
 * keep the last silently) are a `SyntaxError` at their position. Errors thrown by the handler
 * propagate.
 *
 * @example
 * import { streamJsonList } from "catcluster/domain/manifest"
 * const bytes = new TextEncoder().encode('{"kind":"List","items":[{"kind":"Pod"},{"kind":"Node"}]}')
 * let at = 0
 * const kinds: string[] = []
 * streamJsonList((b, o, n) => { const k = Math.min(n, bytes.length - at); b.set(bytes.subarray(at, at + k), o); at += k; return k }, {
 *   field: () => {},
 *   item: (v) => kinds.push((v as { kind: string }).kind),
 * }) // { _tag: "Read", items: 2 }; kinds: ["Pod", "Node"]
 *
 * @since 0.1.0
 * @category decoding
 */
export const streamJsonList = (read: ReadBytes, handler: JsonListHandler): JsonStreamResult => {
  let buf = Buffer.allocUnsafe(FIRST_READ)
  let end = 0 // bytes held: buf[0, end)
  let base = 0 // file offset of buf[0]
  let eof = false
  // line counting: lines seen before `counted` (a buffer index)
  let line = 1
  let lineStart = 0 // file offset of the current line's first byte
  let counted = 0

  const fill = (keepFrom: number): number => {
    // keeps buf[keepFrom, end), moved to the front; returns the shift applied to indices
    if (eof) return 0
    countLines(keepFrom)
    const kept = end - keepFrom
    if (kept >= MAX_JSON_VALUE_BYTES) throw new ScanError(`a value longer than ${MAX_JSON_VALUE_BYTES / 1024 / 1024} MiB: not a list of Kubernetes objects`, base + keepFrom)
    // small files need a small buffer; a large one grows it to CHUNK-sized reads
    const wanted = Math.min(CHUNK, buf.length * 4)
    if (kept + wanted > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, kept + wanted))
      buf.copy(bigger, 0, keepFrom, end)
      buf = bigger
    } else if (keepFrom > 0) buf.copy(buf, 0, keepFrom, end)
    base += keepFrom
    counted -= keepFrom
    end = kept
    const n = read(buf, end, buf.length - end)
    if (n === 0) eof = true
    end += n
    return keepFrom
  }
  const countLines = (upTo: number): void => {
    // a plain loop: indexOf would search past `upTo` on one-line JSON, once per item
    for (let k = counted; k < upTo; k++)
      if (buf[k] === 0x0a) {
        line++
        lineStart = base + k + 1
      }
    if (upTo > counted) counted = upTo
  }
  const positionOf = (index: number): TextPosition => {
    countLines(index)
    return { line, column: base + index - lineStart + 1 }
  }

  /** The index after the string starting at `i` (a quote), or NEEDS_MORE. */
  const stringEnd = (i: number): number => {
    let at = i + 1
    for (;;) {
      const q = buf.indexOf(QUOTE, at)
      if (q === -1 || q >= end) return NEEDS_MORE
      let slashes = 0
      for (let k = q - 1; k > i && buf[k] === BACKSLASH; k--) slashes++
      if (slashes % 2 === 0) return q + 1
      at = q + 1
    }
  }
  /** Key tokens (colons outside strings) of the last value {@link valueEnd} found the end of. */
  let keyTokens = 0
  /** The index after the value starting at `i`, or NEEDS_MORE. */
  const valueEnd = (i: number): number => {
    keyTokens = 0
    const first = buf[i]!
    if (first === QUOTE) return stringEnd(i)
    if (first !== 0x7b && first !== 0x5b) {
      // a number, true, false or null: up to the next delimiter (JSON.parse judges it)
      let j = i
      while (j < end) {
        const b = buf[j]!
        if (b === 0x2c || b === 0x7d || b === 0x5d || isSpace(b)) return j
        j++
      }
      return eof ? j : NEEDS_MORE
    }
    let depth = 0
    let j = i
    // counted in a local: the closure's variable is written once per value, not once per key
    let keys = 0
    while (j < end) {
      const b = buf[j]!
      if (b === QUOTE) {
        const after = stringEnd(j)
        if (after === NEEDS_MORE) return NEEDS_MORE
        j = after
        continue
      }
      if (b === 0x7b || b === 0x5b) depth++
      else if (b === 0x7d || b === 0x5d) {
        depth--
        if (depth === 0) {
          keyTokens = keys
          return j + 1
        }
      } else if (b === COLON) keys++
      j++
    }
    return NEEDS_MORE
  }
  /** The next non-space index at or after `i` (refilling as needed), or `end` at the end of input. */
  let pos = 0
  const skipSpace = (): void => {
    for (;;) {
      while (pos < end && isSpace(buf[pos]!)) pos++
      if (pos < end || eof) return
      pos -= fill(pos)
    }
  }
  /** The value at `pos`, as text; `pos` moves past it. */
  const takeValue = (): { readonly text: string; readonly start: number; readonly keyTokens: number } => {
    for (;;) {
      const after = pos < end ? valueEnd(pos) : NEEDS_MORE
      if (after !== NEEDS_MORE) {
        const start = pos
        pos = after
        return { text: buf.toString("utf8", start, after), start, keyTokens }
      }
      if (eof) throw new ScanError("the JSON ends inside a value", base + pos)
      pos -= fill(pos)
    }
  }
  const parse = (text: string, start: number): unknown => {
    try {
      return JSON.parse(text)
    } catch (error) {
      // V8 names the position in the value's text: turn it into the file's
      const at = /position (\d+)/.exec(String(error))
      const offset = at === null ? 0 : Number(at[1])
      const message = (error instanceof Error ? error.message : String(error)).replace(/ in JSON at position \d+( \(line \d+ column \d+\))?/, "")
      throw new ScanError(`malformed JSON: ${message.length > 160 ? `${message.slice(0, 160)}…` : message}`, base + start + Buffer.byteLength(text.slice(0, offset)))
    }
  }
  const expect = (what: string): number => {
    skipSpace()
    if (pos >= end) throw new ScanError(`the JSON ends where ${what} was expected`, base + pos)
    return buf[pos]!
  }
  const fail = (problem: string): never => {
    throw new ScanError(problem, base + pos)
  }

  try {
    pos -= fill(0)
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3
    skipSpace()
    if (pos >= end || buf[pos] !== 0x7b) return { _tag: "NotAnObject" }
    pos++
    let items = 0
    let sawItems = false
    const names = new Set<string>()
    let b = expect('a key or "}"')
    if (b === 0x7d) pos++
    else
      for (;;) {
        if (b !== QUOTE) fail(`expected a key (a string), got ${String.fromCharCode(b)}`)
        const key = takeValue()
        const name = parse(key.text, key.start) as string
        if (names.has(name) && name !== "items") throw new ScanError(duplicateFieldProblem(name, []), base + key.start)
        names.add(name)
        if (expect('":"') !== 0x3a) fail(`expected ":" after the key ${JSON.stringify(name)}`)
        pos++
        b = expect(`the value of ${JSON.stringify(name)}`)
        if (name === "items" && b === 0x5b) {
          if (sawItems) fail('"items" is given twice')
          sawItems = true
          pos++
          b = expect('an item or "]"')
          if (b === 0x5d) pos++
          else
            for (;;) {
              const at = positionOf(pos)
              const value = takeValue()
              handler.item(parse(value.text, value.start), items++, value.text, at, value.keyTokens)
              b = expect('"," or "]" after an item')
              pos++
              if (b === 0x5d) break
              if (b !== 0x2c) {
                pos--
                fail(`expected "," or "]" after item ${items - 1}, got ${String.fromCharCode(b)}`)
              }
              b = expect("the next item")
            }
        } else {
          const value = takeValue()
          const parsed = parse(value.text, value.start)
          // the list's own fields are small: named precisely when they hold more key tokens than keys
          if (value.keyTokens > 0 && countKeys(parsed) !== value.keyTokens) {
            const d = duplicateKeysIn(value.text)[0]
            if (d !== undefined) throw new ScanError(`${showPath([name, ...d.path])}: ${duplicateFieldProblem(d.key, [name, ...d.path])}`, base + value.start + Buffer.byteLength(value.text.slice(0, d.offset)))
          }
          handler.field(name, parsed)
        }
        b = expect('"," or "}"')
        pos++
        if (b === 0x7d) break
        if (b !== 0x2c) {
          pos--
          fail(`expected "," or "}" between fields, got ${String.fromCharCode(b)}`)
        }
        b = expect("the next key")
      }
    skipSpace()
    if (pos < end) fail("text after the JSON object")
    return { _tag: "Read", items }
  } catch (error) {
    if (!(error instanceof ScanError)) throw error
    // position: count lines up to the error (the buffer still holds it unless it was before a refill)
    const index = Math.max(0, Math.min(end, error.position - base))
    const at = error.position >= base ? positionOf(index) : { line, column: 1 }
    return { _tag: "SyntaxError", problem: error.problem, at }
  }
}
