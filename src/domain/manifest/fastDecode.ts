/**
 * Decoding with an io-ts codec's own structure, for input that is valid: the same output as
 * `codec.decode` and the same unknown-field list as {@link unknownFields}, in one walk that
 * visits only the fields present and builds no validation context (io-ts allocates one per
 * declared field of every object, present or not, which is most of the cost of reading a
 * cluster of a million pods). Any failure gives up at once (`undefined`): the caller then runs
 * io-ts itself, whose errors are the ones reported. Codecs it does not know (custom `t.Type`s:
 * quantities, integers, enumerations) are run through their own `validate`.
 *
 * @since 0.1.0
 */
import * as t from "io-ts"
import { showPath, type PathSegment } from "./JsonPath.ts"
import { unknownFields } from "./unknownFields.ts"

/** The runtime shape of io-ts codecs (their classes expose these fields). */
interface Shape {
  readonly _tag?: string
  readonly props?: t.Props
  readonly types?: ReadonlyArray<t.Mixed>
  readonly type?: t.Mixed
  readonly domain?: t.Mixed
  readonly codomain?: t.Mixed
  readonly value?: unknown
  readonly keys?: Record<string, unknown>
  readonly predicate?: (a: unknown) => boolean
}

/** An object codec's fields: which are required, and each field's codec. */
interface Fields {
  readonly codecs: ReadonlyMap<string, t.Mixed>
  readonly required: ReadonlyArray<string>
}

const FAILED: unique symbol = Symbol("failed")
type Result = unknown | typeof FAILED

const NO_CONTEXT: t.Context = []

/** io-ts's `UnknownRecord`: an object that is not an array. */
const isRecord = (u: unknown): u is Record<string, unknown> => u !== null && typeof u === "object" && !Array.isArray(u)

const fieldsCache = new WeakMap<t.Mixed, Fields | null>()

/** The fields of an interface, partial, or an intersection of them (null for anything else). */
const fieldsOf = (codec: t.Mixed): Fields | null => {
  const cached = fieldsCache.get(codec)
  if (cached !== undefined) return cached
  const shape = codec as Shape
  let fields: Fields | null = null
  if (shape._tag === "InterfaceType" || shape._tag === "PartialType") {
    const props = shape.props ?? {}
    fields = { codecs: new Map(Object.entries(props)), required: shape._tag === "InterfaceType" ? Object.keys(props) : [] }
  } else if (shape._tag === "IntersectionType") {
    const codecs = new Map<string, t.Mixed>()
    const required: string[] = []
    fields = { codecs, required }
    for (const member of shape.types ?? []) {
      const f = fieldsOf(member)
      // a key in two members would be merged by io-ts (mergeAll): leave that to io-ts
      if (f === null || [...f.codecs.keys()].some((k) => codecs.has(k))) {
        fields = null
        break
      }
      for (const [k, c] of f.codecs) codecs.set(k, c)
      required.push(...f.required)
    }
  }
  fieldsCache.set(codec, fields)
  return fields
}

/** The walk: the decoded value or FAILED; unknown fields' paths pushed on `unknown`. */
const run = (codec: t.Mixed, u: unknown, path: PathSegment[], unknown: string[]): Result => {
  const shape = codec as Shape
  switch (shape._tag) {
    case "InterfaceType":
    case "PartialType":
    case "IntersectionType": {
      const fields = fieldsOf(codec)
      if (fields === null) return other(codec, u, path, unknown)
      if (!isRecord(u)) return FAILED
      let out: Record<string, unknown> | undefined
      for (const k of fields.required) if (u[k] === undefined && !(fields.codecs.get(k) as t.Mixed).is(undefined)) return FAILED
      for (const k in u) {
        const v = u[k]
        const field = fields.codecs.get(k)
        path.push(k)
        if (field === undefined) unknown.push(showPath(path))
        else if (v !== undefined || fields.required.includes(k)) {
          const r = run(field, v, path, unknown)
          if (r === FAILED) return FAILED
          if (r !== v) (out ??= { ...u })[k] = r
        }
        path.pop()
      }
      return out ?? u
    }
    case "ArrayType":
    case "ReadonlyArrayType": {
      if (!Array.isArray(u)) return FAILED
      const item = shape.type as t.Mixed
      let out: unknown[] | undefined
      for (let i = 0; i < u.length; i++) {
        path.push(i)
        const r = run(item, u[i], path, unknown)
        path.pop()
        if (r === FAILED) return FAILED
        if (r !== u[i]) (out ??= u.slice())[i] = r
      }
      return out ?? u
    }
    case "DictionaryType": {
      // records keyed by strings only; io-ts decodes other domains differently
      if ((shape.domain as Shape | undefined)?._tag !== "StringType" || !isRecord(u)) return other(codec, u, path, unknown)
      const value = shape.codomain as t.Mixed
      let out: Record<string, unknown> | undefined
      for (const k in u) {
        path.push(k)
        const r = run(value, u[k], path, unknown)
        path.pop()
        if (r === FAILED) return FAILED
        if (r !== u[k]) (out ??= { ...u })[k] = r
      }
      return out ?? u
    }
    case "UnionType": {
      // the first member that decodes, as io-ts; a failed member's unknown fields are forgotten
      const mark = unknown.length
      for (const member of shape.types ?? []) {
        const r = run(member, u, path, unknown)
        if (r !== FAILED) return r
        unknown.length = mark
      }
      return FAILED
    }
    case "RefinementType": {
      const r = run(shape.type as t.Mixed, u, path, unknown)
      return r !== FAILED && (shape.predicate as (a: unknown) => boolean)(r) ? r : FAILED
    }
    case "ReadonlyType":
    case "RecursiveType":
      return run(shape.type as t.Mixed, u, path, unknown)
    case "StringType":
      return typeof u === "string" ? u : FAILED
    case "NumberType":
      return typeof u === "number" ? u : FAILED
    case "BooleanType":
      return typeof u === "boolean" ? u : FAILED
    case "LiteralType":
      return u === shape.value ? u : FAILED
    case "UnknownType":
      return u
    case "AnyDictionaryType":
      return isRecord(u) ? u : FAILED
    default:
      return other(codec, u, path, unknown)
  }
}

/** Any other codec: its own validate; unknown fields below it as {@link unknownFields} finds them. */
const other = (codec: t.Mixed, u: unknown, path: PathSegment[], unknown: string[]): Result => {
  const r = codec.validate(u, NO_CONTEXT)
  if (r._tag === "Left") return FAILED
  // custom types (quantities, integers, enumerations) have no fields: no path to build
  if ((codec as Shape)._tag !== undefined) unknown.push(...unknownFields(codec, u, showPath(path)))
  return r.right
}

/**
 * `codec.decode(value)` and `unknownFields(codec, value)` when the value decodes; `undefined`
 * when it does not (run io-ts for the errors).
 *
 * @example
 * import * as t from "io-ts"
 * import { fastDecode } from "catcluster/domain/manifest"
 * fastDecode(t.type({ a: t.number }), { a: 1, b: 2 }) // { value: { a: 1, b: 2 }, unknownFields: ["b"] }
 * fastDecode(t.type({ a: t.number }), { a: "1" })     // undefined
 *
 * @since 0.1.0
 * @category decoding
 */
export const fastDecode = (codec: t.Mixed, value: unknown): { readonly value: unknown; readonly unknownFields: ReadonlyArray<string> } | undefined => {
  const unknown: string[] = []
  const r = run(codec, value, [], unknown)
  return r === FAILED ? undefined : { value: r, unknownFields: unknown }
}
