import * as E from "fp-ts/lib/Either.js"
import * as t from "io-ts"
import { parsePresentation, type PresentationInput, type Presentation } from "./Presentation.ts"

/**
 * Reading a presentation from untrusted data (a parsed YAML or JSON file): an io-ts codec for
 * the shape, then {@link parsePresentation} for the meaning (names, typing, parallel sides).
 * Both kinds of failure come back as one {@link PresentationDecodeError} with a JSON path.
 *
 * ```yaml
 * name: loops
 * objects: [A, B]
 * arrows:
 *   - { name: x, dom: A, cod: A }
 *   - { name: f, dom: A, cod: B }
 * equations:
 *   - { lhs: [x, x, x], rhs: [x], name: "x³ = x" }
 * ```
 *
 * @since 0.1.0
 */

const GeneratorCodec = t.type({ name: t.string, dom: t.string, cod: t.string })
const EquationCodec = t.intersection([
  t.type({ lhs: t.array(t.string), rhs: t.array(t.string) }),
  t.partial({ name: t.string }),
])

/**
 * The shape of a presentation file.
 *
 * @since 0.1.0
 * @category codecs
 */
export const PresentationInputCodec = t.intersection([
  t.type({ objects: t.array(t.string), arrows: t.array(GeneratorCodec) }),
  t.partial({ name: t.string, equations: t.array(EquationCodec) }),
])

/**
 * Where and what: `path` is a JSON path into the document (`arrows[2].cod`).
 *
 * @since 0.1.0
 * @category errors
 */
export class PresentationDecodeError extends Error {
  readonly _tag = "PresentationDecodeError" as const
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`)
    this.name = "PresentationDecodeError"
  }
}

/** A JSON path from an io-ts context, skipping the keys intersections add for their members. */
const jsonPath = (context: t.Context): string => {
  let path = ""
  for (let i = 1; i < context.length; i++) {
    const parent = (context[i - 1] as t.ContextEntry).type as unknown as { readonly _tag?: string }
    const key = (context[i] as t.ContextEntry).key
    if (parent._tag === "IntersectionType") continue
    path += parent._tag === "ArrayType" ? `[${key}]` : path === "" ? key : `.${key}`
  }
  return path === "" ? "(document)" : path
}

const describeValue = (u: unknown): string =>
  u === undefined ? "nothing" : u === null ? "null" : Array.isArray(u) ? "a list" : typeof u === "object" ? "a mapping" : `${typeof u} ${JSON.stringify(u)}`

/**
 * Decodes and validates a presentation from parsed YAML/JSON.
 *
 * @example
 * import { decodePresentation } from "catcluster/category/fincat"
 * decodePresentation({ objects: ["A"], arrows: [{ name: "x", dom: "A", cod: "B" }] })
 * // Left(PresentationDecodeError "arrows[0].cod: unknown object 'B'")
 *
 * @since 0.1.0
 * @category constructors
 */
export const decodePresentation = (data: unknown): E.Either<PresentationDecodeError, Presentation> => {
  const shape = PresentationInputCodec.decode(data)
  if (E.isLeft(shape)) {
    const first = shape.left[0]
    if (first === undefined) return E.left(new PresentationDecodeError("(document)", "not a presentation"))
    const path = jsonPath(first.context)
    const expected =
      path === "(document)"
        ? "a mapping with objects, arrows and optional equations"
        : (first.context[first.context.length - 1] as t.ContextEntry).type.name
    return E.left(new PresentationDecodeError(path, `expected ${expected}, got ${describeValue(first.value)}`))
  }
  const input: PresentationInput = shape.right
  const parsed = parsePresentation(input)
  if (E.isLeft(parsed)) return E.left(new PresentationDecodeError(parsed.left.path, parsed.left.message.slice(parsed.left.path.length + 2)))
  return E.right(parsed.right)
}
