/**
 * Listing the fields of a value that a codec does not know. The API server keeps unknown
 * fields (and warns); catcluster keeps them too and lists them, so a user sees a typo such as
 * `resource:` for `resources:` instead of silently losing it.
 *
 * @since 0.1.0
 */
import type * as t from "io-ts"
import { appendPath } from "./JsonPath.ts"

/** The structural parts of io-ts codecs the walk needs (io-ts exposes them at run time). */
interface Walkable {
  readonly _tag?: string
  readonly props?: t.Props
  readonly types?: ReadonlyArray<t.Mixed>
  readonly type?: t.Mixed
  readonly codomain?: t.Mixed
}

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** The known props of an object codec (interface, partial, or an intersection of them), or undefined. */
const propsOf = (codec: Walkable): t.Props | undefined => {
  switch (codec._tag) {
    case "InterfaceType":
    case "PartialType":
    case "StrictType":
      return codec.props
    case "ExactType":
    case "ReadonlyType":
      return codec.type === undefined ? undefined : propsOf(codec.type as Walkable)
    case "IntersectionType": {
      const all: Record<string, t.Mixed> = {}
      for (const member of codec.types ?? []) {
        const p = propsOf(member as Walkable)
        if (p === undefined) return undefined
        Object.assign(all, p)
      }
      return all
    }
    default:
      return undefined
  }
}

const walk = (codec: Walkable, value: unknown, path: string, out: string[]): void => {
  const props = propsOf(codec)
  if (props !== undefined) {
    if (!isPlainObject(value)) return
    for (const [key, field] of Object.entries(value)) {
      const at = appendPath(path, key)
      const fieldCodec = props[key]
      if (fieldCodec === undefined) out.push(at)
      else walk(fieldCodec as Walkable, field, at, out)
    }
    return
  }
  switch (codec._tag) {
    case "ArrayType":
    case "ReadonlyArrayType":
      if (Array.isArray(value) && codec.type !== undefined) value.forEach((v, i) => walk(codec.type as Walkable, v, appendPath(path, i), out))
      return
    case "DictionaryType":
      if (isPlainObject(value) && codec.codomain !== undefined)
        for (const [k, v] of Object.entries(value)) walk(codec.codomain as Walkable, v, appendPath(path, k), out)
      return
    case "UnionType": {
      // walk the first alternative the value belongs to
      const member = (codec.types ?? []).find((m) => m.decode(value)._tag === "Right")
      if (member !== undefined) walk(member as Walkable, value, path, out)
      return
    }
    case "RefinementType":
    case "ReadonlyType":
    case "ExactType":
    case "RecursiveType":
      if (codec.type !== undefined) walk(codec.type as Walkable, value, path, out)
      return
    default:
      return
  }
}

/**
 * The JSON paths of every field in `value` that `codec` does not declare, depth first.
 * Opaque parts (`t.unknown`, `t.UnknownRecord`) are not looked into.
 *
 * @example
 * import { unknownFields, manifestCodecs } from "catcluster/domain/manifest"
 * // unknownFields(manifestCodecs.Pod, { apiVersion: "v1", kind: "Pod", spec: { containers: [], nodeSelectr: {} } })
 * // → ["spec.nodeSelectr"]
 *
 * @since 0.1.0
 * @category destructors
 */
export const unknownFields = (codec: t.Mixed, value: unknown, path = ""): ReadonlyArray<string> => {
  const out: string[] = []
  walk(codec as Walkable, value, path, out)
  return out
}

/**
 * The fields an object codec declares (required and optional), sorted; empty for other codecs.
 *
 * @since 0.1.0
 * @category destructors
 */
export const fieldsOf = (codec: t.Mixed): ReadonlyArray<string> => Object.keys(propsOf(codec as Walkable) ?? {}).sort()

/**
 * The required fields of a `struct` codec (its `t.type` part), sorted.
 *
 * @since 0.1.0
 * @category destructors
 */
export const requiredFieldsOf = (codec: t.Mixed): ReadonlyArray<string> => {
  const c = codec as Walkable
  if (c._tag === "InterfaceType") return Object.keys(c.props ?? {}).sort()
  if (c._tag === "IntersectionType") return (c.types ?? []).flatMap((m) => requiredFieldsOf(m)).sort()
  return []
}
