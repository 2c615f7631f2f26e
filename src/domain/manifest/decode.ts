/**
 * Reading manifest files: YAML (multi-document, block or flow style with trailing commas, as
 * the Kubernetes docs now write them) and JSON, kubectl `List`s flattened, every document
 * decoded with the io-ts codecs. Bad input gives {@link ManifestError}s naming the file, the
 * document, the JSON path, the line and column; nothing throws.
 *
 * YAML is read as YAML 1.1, like Kubernetes' YAML decoder (`yes`/`on` are booleans, `0755` is
 * octal), except that timestamps and sexagesimal numbers stay strings (Kubernetes keeps them
 * as text).
 *
 * @since 0.1.0
 */
import * as E from "fp-ts/lib/Either.js"
import type { Either } from "fp-ts/lib/Either.js"
import type * as t from "io-ts"
import { Document, isAlias, isCollection, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument } from "yaml"
import type { CollectionTag, DocumentOptions, Node as YamlNode, ParsedNode, ParseOptions, ScalarTag, SchemaOptions, TagId, Tags } from "yaml"
import { countKeyTokens, duplicateFieldProblem, duplicateKeysIn, positionIn } from "./duplicateKeys.ts"
import { duplicateKeysInYaml } from "./duplicateYamlKeys.ts"
import { showPath } from "./JsonPath.ts"
import type { PathSegment } from "./JsonPath.ts"
import { isKnownKind, manifestCodecs } from "./Manifest.ts"
import type { Manifest, ManifestSource } from "./Manifest.ts"
import type { ManifestError } from "./ManifestError.ts"
import { fastDecode } from "./fastDecode.ts"
import { unknownFields } from "./unknownFields.ts"
import { showValue } from "./showValue.ts"
import { validationPath, validationProblem } from "./validationProblem.ts"

/**
 * Where a path of the document starts in the file, or its nearest existing ancestor.
 *
 * @since 0.1.0
 * @category model
 */
export type Locate = (segments: ReadonlyArray<PathSegment>) => { readonly line: number; readonly column: number } | undefined

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** Drops `null` fields: the API server decodes `field: null` as an absent field. */
const dropNulls = (u: unknown): unknown => {
  if (Array.isArray(u)) return u.map(dropNulls)
  if (!isPlainObject(u)) return u
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(u)) if (v !== null) out[k] = dropNulls(v)
  return out
}

/** How deep a document may nest: Kubernetes objects nest a few tens of levels; deeper is an attack or an accident. @since 0.1.0 @category constants */
export const MAX_NESTING = 100

/**
 * The first structural problem of a parsed document, with its path, or undefined:
 * - a `__proto__` key: no Kubernetes key may start with `_`, and assigning one to a JavaScript
 *   object replaces its prototype instead of adding a field (the key would vanish silently);
 * - a cycle (a YAML alias inside the node it names): a manifest is a tree, JSON cannot hold it;
 * - nesting deeper than {@link MAX_NESTING} levels.
 * The walk is iterative, so no input can exhaust the stack here.
 */
const structureProblem = (root: unknown): { readonly path: ReadonlyArray<PathSegment>; readonly problem: string } | undefined => {
  // frames: enter a value, or leave it (pop it from the ancestors); paths are rebuilt only for an error
  interface Frame {
    readonly value: unknown
    readonly key: PathSegment
    readonly parent: Frame | undefined
    readonly depth: number
    readonly leave: boolean
  }
  const pathOf = (f: Frame | undefined, key?: PathSegment): ReadonlyArray<PathSegment> => {
    const out: PathSegment[] = key === undefined ? [] : [key]
    for (let at = f; at?.parent !== undefined; at = at.parent) out.push(at.key)
    return out.reverse()
  }
  const stack: Frame[] = [{ value: root, key: "", parent: undefined, depth: 0, leave: false }]
  const ancestors = new Set<unknown>()
  while (stack.length > 0) {
    const frame = stack.pop()!
    const value = frame.value
    if (frame.leave) {
      ancestors.delete(value)
      continue
    }
    if (typeof value !== "object" || value === null) continue
    if (ancestors.has(value)) return { path: pathOf(frame), problem: "a YAML alias refers to a node that contains it: a manifest is a tree, this value would be infinite" }
    if (frame.depth > MAX_NESTING) return { path: pathOf(frame).slice(0, MAX_NESTING), problem: `nested deeper than ${MAX_NESTING} levels` }
    ancestors.add(value)
    stack.push({ ...frame, leave: true })
    const depth = frame.depth + 1
    // pushed in reverse so that the first problem in document order is found first
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const v: unknown = value[i]
        if (typeof v === "object" && v !== null) stack.push({ value: v, key: i, parent: frame, depth, leave: false })
      }
      continue
    }
    const keys = Object.keys(value)
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!
      if (k === "__proto__") return { path: pathOf(frame, k), problem: 'the key "__proto__" is not allowed (not a valid Kubernetes key)' }
      const v: unknown = (value as Record<string, unknown>)[k]
      if (typeof v === "object" && v !== null) stack.push({ value: v, key: k, parent: frame, depth, leave: false })
    }
  }
  return undefined
}

/**
 * The first mapping key of a parsed YAML document that is a sequence or a mapping (`? [a, b] : c`,
 * `{[a, b]: c}`), with the path of the mapping holding it, or undefined. JSON and Kubernetes keys
 * are strings: such a key would be turned into the text "[ a, b ]" (with a runtime warning).
 * Iterative, aliases not followed (their anchors are walked where they stand).
 */
const complexKey = (doc: Document.Parsed): { readonly path: ReadonlyArray<PathSegment>; readonly problem: string } | undefined => {
  const stack: Array<{ readonly node: unknown; readonly path: ReadonlyArray<PathSegment> }> = [{ node: doc.contents, path: [] }]
  while (stack.length > 0) {
    const { node, path } = stack.pop()!
    if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], path: [...path, i] })
    } else if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const { key, value } = node.items[i]!
        const resolved = isAlias(key) ? key.resolve(doc) : key
        if (isCollection(resolved as YamlNode | undefined)) {
          return { path, problem: `a mapping key is a ${isSeq(resolved) ? "sequence" : "mapping"} (a YAML complex key such as ? [a, b]): keys must be strings` }
        }
        stack.push({ node: value, path: [...path, isScalar(key) ? (key.value as PathSegment) : String(key)] })
      }
    }
  }
  return undefined
}

interface Context {
  readonly file: string
  readonly document: number
  readonly locate: Locate
}

/**
 * The JSON text a value was parsed from, for naming the keys it repeats: how many key tokens it
 * writes (counted by a scan) and where it starts in the file.
 */
interface JsonText {
  readonly text: string
  readonly keyTokens: number
  readonly start?: { readonly line: number; readonly column: number }
}

/**
 * One error per key the text repeats: the path of its object (the text's root is at `root` in
 * the document), the key, its line. The API server decodes a List's items one by one, so its
 * path for a key inside an item starts at the item.
 */
const duplicateErrors = (ctx: Context, json: JsonText, root: ReadonlyArray<PathSegment>, isListDocument: boolean): ReadonlyArray<ManifestError> => {
  const found = duplicateKeysIn(json.text)
  if (found.length === 0) {
    // counts differ, yet no key repeats: say so rather than decode a value that may not be the text's
    return [{ _tag: "ManifestError", file: ctx.file, document: ctx.document, path: showPath(root), problem: "the JSON text and the value read from it hold different numbers of keys" }]
  }
  return found.map((d): ManifestError => {
    const inItem = isListDocument && d.path[0] === "items" && typeof d.path[1] === "number"
    const at = positionIn(json.text, d.offset, json.start)
    return {
      _tag: "ManifestError",
      file: ctx.file,
      document: ctx.document,
      path: showPath([...root, ...d.path]),
      problem: duplicateFieldProblem(d.key, inItem ? d.path.slice(2) : d.path),
      duplicateKey: d.key,
      line: at.line,
      column: at.column,
    }
  })
}

const manifestError = (ctx: Context, segments: ReadonlyArray<PathSegment>, problem: string): ManifestError => {
  const at = ctx.locate(segments)
  return {
    _tag: "ManifestError",
    file: ctx.file,
    document: ctx.document,
    path: showPath(segments),
    problem,
    ...(at === undefined ? {} : { line: at.line, column: at.column }),
  }
}

/** Decodes one object that should be a manifest; `prefix` is its path in the document. */
const decodeObject = (
  ctx: Context,
  value: unknown,
  prefix: ReadonlyArray<PathSegment>,
  source: ManifestSource,
  defaults: { readonly kind?: string; readonly apiVersion?: string } = {},
): Either<ReadonlyArray<ManifestError>, Manifest> => {
  if (!isPlainObject(value)) return E.left([manifestError(ctx, prefix, `expected a manifest (an object), got ${showValue(value)}`)])
  const object: Record<string, unknown> = {
    ...(value.kind === undefined && defaults.kind !== undefined ? { kind: defaults.kind } : {}),
    ...(value.apiVersion === undefined && defaults.apiVersion !== undefined ? { apiVersion: defaults.apiVersion } : {}),
    ...value,
  }
  const kind = object.kind
  if (typeof kind !== "string" || kind === "") {
    return E.left([manifestError(ctx, [...prefix, "kind"], kind === undefined ? "required field missing: every manifest names its kind" : `expected a string, got ${showValue(kind)}`)])
  }
  if (!isKnownKind(kind)) {
    const apiVersion = typeof object.apiVersion === "string" ? { apiVersion: object.apiVersion } : {}
    const metadata = isPlainObject(object.metadata) ? { metadata: object.metadata } : {}
    return E.right({ kind: "Unknown", declaredKind: kind, ...apiVersion, ...metadata, raw: object, source, unknownFields: [] })
  }
  const codec: t.Mixed = manifestCodecs[kind]
  // valid input (nearly all of it) in one light walk; io-ts again only to say what is wrong
  const fast = fastDecode(codec, object)
  if (fast !== undefined) return E.right({ ...(fast.value as object), source, unknownFields: fast.unknownFields } as Manifest)
  const decoded = codec.decode(object)
  if (E.isLeft(decoded)) {
    const seen = new Set<string>()
    const errors: ManifestError[] = []
    for (const error of decoded.left) {
      const e = manifestError(ctx, [...prefix, ...validationPath(error.context)], validationProblem(error))
      // a missing field is reported once, though each member of an intersection finds it missing
      const key = error.value === undefined && error.message === undefined ? `${e.path}\u0000missing` : `${e.path}\u0000${e.problem}`
      if (seen.has(key)) continue
      seen.add(key)
      errors.push(e)
    }
    return E.left(errors)
  }
  return E.right({ ...(decoded.right as object), source, unknownFields: unknownFields(codec, object) } as Manifest)
}

/** A kubectl or API list: `List`, `PodList`, `NodeList`, … with `items`. */
const isList = (value: Record<string, unknown>): boolean =>
  typeof value.kind === "string" && value.kind.endsWith("List") && Array.isArray(value.items)

const HAS_NULL = 1
const HAS_PROBLEM = 2

/**
 * {@link jsonFlags} answers `keys × KEYS + flags`: the flags in the low two bits, the keys above
 * (`& (KEYS - 1)` reads the flags of any integer below 2^53: 4 divides 2^32).
 */
const KEYS = 4

/**
 * One read-only walk over a value parsed from JSON (no aliases, hence no cycles): whether it
 * holds a `null` (then {@link dropNulls} copies it) or a structural problem (then
 * {@link structureProblem} names it), and how many keys it holds (compared with its text's key
 * tokens to see a key given twice), as `keys × KEYS + flags` (exact integers: a text holds far
 * fewer than 2^50 keys). A problem stops the walk, and the count with it. Recursion is bounded
 * by {@link MAX_NESTING}.
 */
const jsonFlags = (u: unknown, depth: number): number => {
  if (typeof u !== "object") return 0
  if (u === null) return HAS_NULL
  if (depth > MAX_NESTING) return HAS_PROBLEM
  let flags = 0
  let counted = 0 // keys × KEYS
  if (Array.isArray(u)) {
    for (let i = 0; i < u.length && flags < HAS_PROBLEM; i++) {
      const r = jsonFlags(u[i], depth + 1)
      const f = r & (KEYS - 1)
      flags |= f
      counted += r - f
    }
    return counted + flags
  }
  for (const k in u) {
    if (k === "__proto__") return HAS_PROBLEM
    const r = jsonFlags((u as Record<string, unknown>)[k], depth + 1)
    const f = r & (KEYS - 1)
    flags |= f
    counted += r - f + KEYS
    if (flags >= HAS_PROBLEM) return flags
  }
  return counted + flags
}

/**
 * The value with null fields dropped, its first structural problem, or (parsed from `json`, whose
 * key tokens outnumber the keys the value holds) the keys the text repeats.
 */
const cleanValue = (
  raw: unknown,
  fromJson: boolean,
  json?: JsonText,
): { readonly value: unknown } | { readonly path: ReadonlyArray<PathSegment>; readonly problem: string } | { readonly duplicates: true } => {
  const walked = fromJson ? jsonFlags(raw, 0) : HAS_NULL | HAS_PROBLEM
  const flags = walked & (KEYS - 1)
  const structure = (flags & HAS_PROBLEM) === 0 ? undefined : structureProblem(raw)
  if (structure !== undefined) return structure
  // the walk counted every key (no problem cut it short)
  if (json !== undefined && (flags & HAS_PROBLEM) === 0 && (walked - flags) / KEYS !== json.keyTokens) return { duplicates: true }
  return { value: (flags & HAS_NULL) === 0 ? raw : dropNulls(raw) }
}

/**
 * Decodes one element of a list's `items` (already plain data, as `JSON.parse` gives it):
 * `defaults` are the kind and apiVersion a typed list (`PodList`) gives items that omit them;
 * errors name the path `items[i]…`, placed by `locate` when given. With `json` (the item's text,
 * the key tokens a scan counted in it and where it starts), a key the text gives twice in one
 * object is an error naming the object, the key and its line (`JSON.parse` kept one silently).
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeListItem = (
  raw: unknown,
  at: {
    readonly file: string
    readonly document: number
    readonly item: number
    readonly defaults?: { readonly kind?: string; readonly apiVersion?: string }
    readonly locate?: Locate
    readonly json?: { readonly text: string; readonly keyTokens: number; readonly start?: { readonly line: number; readonly column: number } }
  },
): Either<ReadonlyArray<ManifestError>, Manifest> => {
  const ctx: Context = { file: at.file, document: at.document, locate: at.locate ?? (() => undefined) }
  const prefix: ReadonlyArray<PathSegment> = ["items", at.item]
  const clean = cleanValue(raw, true, at.json)
  if ("duplicates" in clean) return E.left(duplicateErrors(ctx, at.json!, prefix, false))
  if (!("value" in clean)) return E.left([manifestError(ctx, [...prefix, ...clean.path], clean.problem)])
  return decodeObject(ctx, clean.value, prefix, { file: at.file, document: at.document, item: at.item }, at.defaults)
}

/** Decodes one parsed document (already plain data; from `json` when given). */
const decodeDocumentValue = (ctx: Context, raw: unknown, fromJson = false, json?: JsonText): Either<ReadonlyArray<ManifestError>, ReadonlyArray<Manifest>> => {
  const clean = cleanValue(raw, fromJson, json)
  if ("duplicates" in clean) return E.left(duplicateErrors(ctx, json!, [], isPlainObject(raw) && isList(raw)))
  if (!("value" in clean)) return E.left([manifestError(ctx, clean.path, clean.problem)])
  const value = clean.value
  if (value === undefined || value === null) return E.right([])
  if (isPlainObject(value) && isList(value)) {
    const listKind = value.kind as string
    // items of a typed list (PodList from the API) omit their kind and apiVersion
    const defaults =
      listKind === "List"
        ? {}
        : { kind: listKind.slice(0, -"List".length), ...(typeof value.apiVersion === "string" ? { apiVersion: value.apiVersion } : {}) }
    const errors: ManifestError[] = []
    const out: Manifest[] = []
    ;(value.items as ReadonlyArray<unknown>).forEach((item, i) => {
      const r = decodeObject(ctx, item, ["items", i], { file: ctx.file, document: ctx.document, item: i }, defaults)
      if (E.isLeft(r)) errors.push(...r.left)
      else out.push(r.right)
    })
    return errors.length > 0 ? E.left(errors) : E.right(out)
  }
  return E.map((m: Manifest) => [m])(decodeObject(ctx, value, [], { file: ctx.file, document: ctx.document }))
}

/** go-yaml's float syntax: digits required (the `yaml` package's 1.1 schema reads `e1000` and `.` as NaN). */
const GO_YAML_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/

/** The 1.1 float tags for digit forms (not `.nan` / `.inf`). */
const isDigitFloat = (tag: ScalarTag | CollectionTag | TagId): tag is ScalarTag =>
  typeof tag === "object" &&
  tag.tag === "tag:yaml.org,2002:float" &&
  (tag.format === "EXP" || (tag.format === undefined && !String(tag.test).includes("nan")))

/**
 * YAML 1.1 as Kubernetes' decoder (go-yaml v2) reads it: timestamps and sexagesimal numbers
 * stay strings, floats need digits.
 */
const yamlOptions = (lineCounter: LineCounter): ParseOptions & DocumentOptions & SchemaOptions => ({
  lineCounter,
  version: "1.1",
  uniqueKeys: true,
  customTags: (tags: Tags): Tags =>
    tags
      .filter((tag) => typeof tag !== "object" || (tag.tag !== "tag:yaml.org,2002:timestamp" && tag.format !== "TIME"))
      .map((tag) =>
        isDigitFloat(tag) ? ({ ...tag, test: GO_YAML_FLOAT } as ScalarTag) : tag,
      ),
})

const locator =
  (doc: Document.Parsed, lineCounter: LineCounter): Locate =>
  (segments) => {
    for (let n = segments.length; n >= 0; n--) {
      const node = doc.getIn(segments.slice(0, n), true) as ParsedNode | undefined
      const offset = node?.range?.[0]
      if (offset !== undefined) {
        const { line, col } = lineCounter.linePos(offset)
        return { line, column: col }
      }
    }
    return undefined
  }

/**
 * Where paths of a one-document text lie in it (parsed as YAML, which JSON is), for placing an
 * error found after the text was read another way (`JSON.parse` knows no lines).
 *
 * @since 0.1.0
 * @category decoding
 */
export const locateIn = (text: string): Locate => {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter }) as Document.Parsed
  return locator(doc, lineCounter)
}

/** Errors in JSON text this long or shorter are placed by reading it again as YAML. */
const LOCATE_LIMIT = 16 * 1024 * 1024

/** The value of a JSON text (a kubectl dump) and the text parsed, or undefined when the text is not JSON. */
const jsonValue = (text: string): { readonly value: unknown; readonly json: string } | undefined => {
  let i = 0
  while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t" || text[i] === "\uFEFF")) i++
  if (text[i] !== "{" && text[i] !== "[") return undefined
  const json = i === 0 ? text : text.slice(i)
  try {
    return { value: JSON.parse(json), json }
  } catch {
    return undefined
  }
}

/**
 * A decoded file: its manifests and each document as plain data (`documents[i]` is document
 * `i`, before decoding), for readers that need what a codec does not keep.
 *
 * @since 0.1.0
 * @category model
 */
export interface DecodedFile {
  readonly manifests: ReadonlyArray<Manifest>
  readonly documents: ReadonlyArray<unknown>
}

/**
 * Decodes every manifest in a file. All problems of all documents are reported together.
 *
 * - YAML, multi-document (`---`), block or flow style (trailing commas fine); JSON.
 * - kubectl `List` / `PodList` / `NodeList` items are flattened (`source.item` says which).
 * - Quantities may be strings or bare numbers.
 * - Unknown fields are kept in the objects and listed in `unknownFields`; unknown kinds are
 *   kept as `{ kind: "Unknown", declaredKind }`.
 * - Wrong types, bad quantities, missing required fields, malformed YAML → `ManifestError`s.
 *
 * @example
 * import { decodeManifests } from "catcluster/domain/manifest"
 * const r = decodeManifests("kind: Pod\napiVersion: v1\nspec: {containers: [{name: a, resources: {requests: {cpu: 1K}}}]}", "pod.yaml")
 * // left: pod.yaml:3:… document 0, spec.containers[0].resources.requests.cpu: expected a quantity, got "1K": unknown suffix "K" …
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeManifests = (text: string, file: string): Either<ReadonlyArray<ManifestError>, ReadonlyArray<Manifest>> =>
  E.map((d: DecodedFile) => d.manifests)(decodeFile(text, file))

/**
 * {@link decodeManifests}, keeping each document as plain data too: YAML is parsed once for
 * both (parsing dominates the cost of reading a large cluster).
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeFile = (text: string, file: string): Either<ReadonlyArray<ManifestError>, DecodedFile> => {
  // JSON (kubectl -o json) through JSON.parse: a YAML parser reads it a hundred times slower
  const json = jsonValue(text)
  if (json !== undefined) {
    // a key given twice: JSON.parse kept the last value; counted here, named only when counts differ
    const start = positionIn(text, text.length - json.json.length)
    const source: JsonText = { text: json.json, keyTokens: countKeyTokens(json.json), start }
    const r = decodeDocumentValue({ file, document: 0, locate: () => undefined }, json.value, true, source)
    if (E.isRight(r)) return E.right({ manifests: r.right, documents: [json.value] })
    if (r.left.some((e) => e.duplicateKey !== undefined)) return r
    // errors: read again as YAML to say on which line each one is, unless that would take long
    if (text.length > LOCATE_LIMIT) return r
  }
  const lineCounter = new LineCounter()
  let docs: ReadonlyArray<Document.Parsed>
  try {
    docs = parseAllDocuments(text, yamlOptions(lineCounter)) as unknown as ReadonlyArray<Document.Parsed>
  } catch (error) {
    return E.left([{ _tag: "ManifestError", file, document: 0, path: "", problem: `cannot read YAML: ${String(error)}` }])
  }
  if (!Array.isArray(docs)) return E.right({ manifests: [], documents: [] })
  const errors: ManifestError[] = []
  const manifests: Manifest[] = []
  const documents: unknown[] = []
  docs.forEach((doc, document) => {
    const locate = locator(doc, lineCounter)
    // a key given twice (or two keys the object would merge): named with its mapping's path, not as the parser words it
    const duplicates = duplicateKeysInYaml(doc, lineCounter)
    for (const d of duplicates) {
      errors.push({
        _tag: "ManifestError",
        file,
        document,
        path: showPath(d.path),
        problem: duplicateFieldProblem(d.key, d.path, "yaml"),
        duplicateKey: d.key,
        ...(d.line === undefined ? {} : { line: d.line, column: d.column ?? 1 }),
      })
    }
    const parseErrors = duplicates.length === 0 ? doc.errors : doc.errors.filter((e: { readonly code: string }) => e.code !== "DUPLICATE_KEY")
    if (parseErrors.length > 0 || duplicates.length > 0) {
      for (const e of parseErrors) {
        const pos = e.linePos?.[0]
        errors.push({
          _tag: "ManifestError",
          file,
          document,
          path: "",
          // the parser recurses per nesting level: name the limit rather than the engine's words
          problem: /Maximum call stack size exceeded/.test(e.message)
            ? `nested deeper than the YAML parser can read (catcluster accepts ${MAX_NESTING} levels)`
            : `malformed YAML: ${e.message.split("\n")[0] ?? e.code}`,
          ...(pos === undefined ? {} : { line: pos.line, column: pos.col }),
        })
      }
      return
    }
    const complex = complexKey(doc)
    if (complex !== undefined) {
      errors.push(manifestError({ file, document, locate }, complex.path, complex.problem))
      return
    }
    let value: unknown
    try {
      value = doc.toJS({ maxAliasCount: 100 })
    } catch (error) {
      errors.push({ _tag: "ManifestError", file, document, path: "", problem: `cannot read YAML: ${error instanceof Error ? error.message : String(error)}` })
      return
    }
    documents.push(value)
    const r = decodeDocumentValue({ file, document, locate }, value)
    if (E.isLeft(r)) errors.push(...r.left)
    else manifests.push(...r.right)
  })
  return errors.length > 0 ? E.left(errors) : E.right({ manifests, documents })
}

/**
 * Decodes an already-parsed value (e.g. from `JSON.parse` or an API response) as manifests.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeManifestValue = (
  value: unknown,
  file = "<value>",
  document = 0,
): Either<ReadonlyArray<ManifestError>, ReadonlyArray<Manifest>> => {
  try {
    return decodeDocumentValue({ file, document, locate: () => undefined }, value)
  } catch (error) {
    // the walks are recursive: a value nested tens of thousands deep overflows the stack
    return E.left([{ _tag: "ManifestError", file, document, path: "", problem: `cannot decode: ${error instanceof Error ? error.message : String(error)}` }])
  }
}
