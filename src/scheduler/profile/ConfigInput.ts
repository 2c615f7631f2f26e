/**
 * Strict reading of a configuration document, as kube-scheduler decodes its configuration (an
 * unknown field is an error), with errors that name the file and the JSON path, and problem texts
 * in the form of Kubernetes' field errors ("Invalid value: 101: not in valid range [0, 100]").
 *
 * @since 0.1.0
 */
import { SchedulerInputError } from "../SchedulerInputError.ts"

/** Where a value sits: the file and its JSON path (`$.profiles[0].plugins`). @since 0.1.0 @category model */
export interface At {
  readonly file: string
  readonly path: string
}

/** A child path. @since 0.1.0 @category combinators */
export const child = (at: At, key: string | number): At => ({ file: at.file, path: typeof key === "number" ? `${at.path}[${key}]` : `${at.path}.${key}` })

/** Throw a `SchedulerInputError` at `at`. @since 0.1.0 @category errors */
export const fail = (at: At, problem: string): never => {
  throw new SchedulerInputError(`${at.file}: ${at.path}`, problem)
}

// Go's %v of a field error's value: strings quoted, numbers as they are, the rest as JSON.
const goValue = (v: unknown): string => (typeof v === "number" ? String(v) : JSON.stringify(v))

/** `field.Invalid`. @since 0.1.0 @category errors */
export const invalid = (at: At, value: unknown, detail: string): never => fail(at, `Invalid value: ${goValue(value)}: ${detail}`)

/** `field.NotSupported`. @since 0.1.0 @category errors */
export const notSupported = (at: At, value: unknown, supported: ReadonlyArray<string>): never =>
  fail(at, `Unsupported value: ${goValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(", ")}`)

/** `field.Required`. @since 0.1.0 @category errors */
export const required = (at: At, detail = ""): never => fail(at, detail === "" ? "Required value" : `Required value: ${detail}`)

/** `field.Duplicate`. @since 0.1.0 @category errors */
export const duplicate = (at: At, value: unknown): never => fail(at, `Duplicate value: ${goValue(value)}`)

/** `field.Forbidden`. @since 0.1.0 @category errors */
export const forbidden = (at: At, detail: string): never => fail(at, `Forbidden: ${detail}`)

const typeError = (at: At, value: unknown, expected: string): never => fail(at, `invalid value (got ${JSON.stringify(value)}), expected ${expected}`)

/** A JSON object. @since 0.1.0 @category model */
export type Obj = Readonly<Record<string, unknown>>

/**
 * An object with only the `known` fields (strict decoding): anything else is
 * `unknown field "name"` at its path.
 *
 * @since 0.1.0
 * @category decoders
 */
export const object = (value: unknown, at: At, known: ReadonlyArray<string>): Obj => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return typeError(at, value, "an object")
  for (const key of Object.keys(value)) if (!known.includes(key)) fail(child(at, key), `unknown field "${key}"`)
  return value as Obj
}

/** An optional object field (`null` reads as absent, as in Go). @since 0.1.0 @category decoders */
export const optionalObject = (value: unknown, at: At, known: ReadonlyArray<string>): Obj | undefined =>
  value === undefined || value === null ? undefined : object(value, at, known)

/** An array (absent or `null`: empty). @since 0.1.0 @category decoders */
export const array = (value: unknown, at: At): ReadonlyArray<unknown> => {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) return typeError(at, value, "an array")
  return value
}

/** A string (absent: `fallback`). @since 0.1.0 @category decoders */
export const string = (value: unknown, at: At, fallback = ""): string => {
  if (value === undefined || value === null) return fallback
  return typeof value === "string" ? value : typeError(at, value, "string")
}

/** A boolean (absent: `false`). @since 0.1.0 @category decoders */
export const boolean = (value: unknown, at: At): boolean => {
  if (value === undefined || value === null) return false
  return typeof value === "boolean" ? value : typeError(at, value, "boolean")
}

const RANGE = { int32: [-(2 ** 31), 2 ** 31 - 1], int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] } as const

/**
 * An integer of Go type `int32` / `int64` (absent: `undefined`); a fraction or an out-of-range
 * number is a decoding error, as Go's JSON decoder makes it.
 *
 * @since 0.1.0
 * @category decoders
 */
export const integer = (value: unknown, at: At, type: "int32" | "int64"): number | undefined => {
  if (value === undefined || value === null) return undefined
  if (typeof value !== "number") return typeError(at, value, "number")
  const [lo, hi] = RANGE[type]
  if (!Number.isInteger(value) || value < lo || value > hi) return fail(at, `invalid value ${value}: expected an ${type}`)
  return value
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/

/**
 * The problems of a label key (`[prefix/]name`, Kubernetes' `IsQualifiedName`), empty when valid.
 *
 * @since 0.1.0
 * @category validation
 */
export const qualifiedNameProblems = (value: string): ReadonlyArray<string> => {
  const parts = value.split("/")
  let name = value
  const out: string[] = []
  if (parts.length === 2) {
    const prefix = parts[0] as string
    name = parts[1] as string
    if (prefix.length === 0) out.push("prefix part must be non-empty")
    else if (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) out.push("prefix part must be a lowercase RFC 1123 subdomain")
  } else if (parts.length > 2) {
    return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/'"]
  }
  if (name.length === 0) out.push("name part must be non-empty")
  else if (name.length > 63) out.push("name part must be no more than 63 characters")
  else if (!QUALIFIED_NAME.test(name)) out.push("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character")
  return out
}

/**
 * A label key (`ValidateLabelName`): the first problem as a field error.
 *
 * @since 0.1.0
 * @category validation
 */
export const labelName = (value: string, at: At): string => {
  const [problem] = qualifiedNameProblems(value)
  return problem === undefined ? value : invalid(at, value, problem)
}

/**
 * A label value: at most 63 characters, empty or alphanumeric at both ends with `-`, `_`, `.`
 * between.
 *
 * @since 0.1.0
 * @category validation
 */
export const labelValue = (value: string, at: At): string => {
  if (value.length > 63) return invalid(at, value, "must be no more than 63 characters")
  if (value !== "" && !QUALIFIED_NAME.test(value)) {
    return invalid(at, value, "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character")
  }
  return value
}
