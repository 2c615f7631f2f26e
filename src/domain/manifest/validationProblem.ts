/**
 * One io-ts validation error in one line, as every manifest decoder reports it: the JSON path
 * it occurred at (`spec.containers[1].name`) and the problem (`required field missing (expected
 * string)`, `expected a list, got "x"`), never io-ts' structural dump of a large type.
 *
 * @since 0.1.0
 */
import type * as t from "io-ts"
import type { PathSegment } from "./JsonPath.ts"
import { showValue } from "./showValue.ts"

/**
 * An io-ts context as JSON path segments, skipping the steps into intersection and union
 * members (they are not fields) and reading array keys as indices.
 *
 * @example
 * import * as t from "io-ts"
 * import { showPath, validationPath } from "catcluster/domain/manifest"
 * const codec = t.type({ spec: t.type({ ports: t.array(t.intersection([t.type({ port: t.number }), t.partial({})])) }) })
 * const r = codec.decode({ spec: { ports: [{ port: 80 }, {}] } })
 * r._tag === "Left" ? showPath(validationPath(r.left[0]!.context)) : "" // "spec.ports[1].port"
 *
 * @since 0.1.0
 * @category destructors
 */
export const validationPath = (context: t.Context): ReadonlyArray<PathSegment> => {
  const out: PathSegment[] = []
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1]?.type as { readonly _tag?: string } | undefined
    const key = context[i]?.key ?? ""
    const tag = parent?._tag
    if (tag === "IntersectionType" || tag === "UnionType") continue
    out.push(tag === "ArrayType" || tag === "ReadonlyArrayType" ? Number(key) : key)
  }
  return out
}

/** A codec's required fields: the `props` of its `t.type` parts (not of `t.partial` ones). */
const requiredFields = (codec: t.Mixed | undefined): ReadonlyArray<string> => {
  const c = codec as unknown as { readonly _tag?: string; readonly props?: Record<string, unknown>; readonly types?: ReadonlyArray<t.Mixed>; readonly type?: t.Mixed } | undefined
  switch (c?._tag) {
    case "InterfaceType":
    case "StrictType":
      return Object.keys(c.props ?? {})
    case "IntersectionType":
      return (c.types ?? []).flatMap(requiredFields)
    case "ExactType":
    case "RefinementType":
    case "ReadonlyType":
      return requiredFields(c.type)
    default:
      return []
  }
}

/** Longer type names are io-ts structure dumps (hundreds of characters): say what kind of value instead. */
const MAX_TYPE_NAME = 48

/** What a codec expects, in a few words: its name when short, else the kind of value. */
const expectedOf = (codec: t.Mixed | undefined): string => {
  const name = codec?.name ?? "a value"
  if (name.length <= MAX_TYPE_NAME) return name
  const required = requiredFields(codec)
  if (required.length > 0) return `an object with ${required.join(", ")}`
  if (/^(Readonly)?Array<|^Array</.test(name)) return "a list"
  if (/^\{|^Partial<|^\(|^Exact</.test(name)) return "an object"
  return "a value of another shape"
}

/**
 * What is wrong, in a few words: the codec's own message when it gives one, else a missing
 * field or a value of the wrong kind, naming what was expected (a long type name becomes the
 * kind of value: "an object with name, usage", "a list").
 *
 * @example
 * import * as t from "io-ts"
 * import { validationProblem } from "catcluster/domain/manifest"
 * const r = t.type({ name: t.string }).decode({})
 * r._tag === "Left" ? validationProblem(r.left[0]!) : "" // "required field missing (expected string)"
 *
 * @since 0.1.0
 * @category destructors
 */
export const validationProblem = (error: t.ValidationError): string => {
  if (error.message !== undefined) return error.message
  const last = error.context[error.context.length - 1]
  const expected = expectedOf(last?.type as t.Mixed | undefined)
  if (error.value === undefined) return `required field missing (expected ${expected})`
  return `expected ${expected}, got ${showValue(error.value)}`
}
