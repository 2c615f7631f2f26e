import * as E from "fp-ts/lib/Either.js"
import * as t from "io-ts"
import { certify } from "../../category/fincat/Certificate.ts"
import { buildFinCat, type FinCat, type FinCatOptions } from "../../category/fincat/FinCat.ts"
import { showPath, showWord, typePath, type Presentation, type TypedPath } from "../../category/fincat/Presentation.ts"
import { decodePresentation } from "../../category/fincat/PresentationCodec.ts"
import { showYamlValueError, yamlValue } from "../../domain/manifest/yamlValue.ts"
import { exhaustive } from "../../laws/Carrier.ts"
import { categoryLaws } from "../../laws/category.ts"
import { law } from "../../laws/Law.ts"
import { bind, notApplicable, suite, type Suite } from "../../laws/Suite.ts"

/**
 * A user's category presentation (YAML or JSON, the format of `PresentationCodec`) checked as
 * a finite category: Knuth–Bendix completion and enumeration (bounded), the category laws on
 * the composition table (exhaustive), the presentation's own relations in the table
 * (`certify`), and every path equation listed under `check:` decided by normal forms.
 *
 * ```yaml
 * name: square
 * objects: [A, B, C, D]
 * arrows: [{ name: f, dom: A, cod: B }, …]
 * equations: [{ lhs: [f, h], rhs: [g, k] }]     # relations: imposed
 * check:     [{ name: other, lhs: [f, h], rhs: [g, k2] }]  # claims: decided
 * ```
 *
 * An infinite category, or a completion that does not finish, is a verdict saying so (the laws
 * are then not applicable: nothing finite to enumerate).
 *
 * @since 0.1.0
 */

const CheckEquation = t.intersection([
  t.type({ lhs: t.array(t.string), rhs: t.array(t.string) }),
  t.partial({ name: t.string, at: t.string }),
])
const Claims = t.partial({ check: t.array(CheckEquation) })

/**
 * A path equation to decide, typed.
 *
 * @since 0.1.0
 * @category model
 */
export interface ClaimedEquation {
  readonly name: string
  readonly lhs: TypedPath
  readonly rhs: TypedPath
  readonly lhsNames: ReadonlyArray<string>
  readonly rhsNames: ReadonlyArray<string>
}

/**
 * A presentation file read: the presentation and the equations to decide.
 *
 * @since 0.1.0
 * @category model
 */
export interface PresentationFile {
  readonly file: string
  readonly presentation: Presentation
  readonly claims: ReadonlyArray<ClaimedEquation>
}

/**
 * Reads a presentation file; problems as `file: path: problem` strings.
 *
 * @since 0.1.0
 * @category decoding
 */
export const readPresentationFile = (file: string, text: string): E.Either<string, PresentationFile> => {
  const value = yamlValue(text)
  if (E.isLeft(value)) return E.left(showYamlValueError(file, value.left))
  const data = value.right
  const p = decodePresentation(data)
  if (E.isLeft(p)) return E.left(`${file}: ${p.left.path}: ${p.left.problem}`)
  const c = Claims.decode(data)
  if (E.isLeft(c)) return E.left(`${file}: check: expected a list of { lhs: [arrows], rhs: [arrows], name? }`)
  const claims: ClaimedEquation[] = []
  for (const [i, e] of (c.right.check ?? []).entries()) {
    const lhs = typePath(p.right, e.lhs, e.at, `check[${i}].lhs`)
    if (E.isLeft(lhs)) return E.left(`${file}: ${lhs.left.message}`)
    const rhs = typePath(p.right, e.rhs, e.at, `check[${i}].rhs`)
    if (E.isLeft(rhs)) return E.left(`${file}: ${rhs.left.message}`)
    claims.push({ name: e.name ?? `check[${i}]`, lhs: lhs.right, rhs: rhs.right, lhsNames: e.lhs, rhsNames: e.rhs })
  }
  return E.right({ file, presentation: p.right, claims })
}

/** Deciding one claimed equation in the finite category. */
const claimLaw = (C: FinCat, p: Presentation, e: ClaimedEquation) =>
  bind(
    law(`equation.${e.name}`, `${showPath(p, e.lhs, false)} = ${showPath(p, e.rhs, false)}`, (claim: ClaimedEquation) => ({ lhs: claim, rhs: claim })),
    exhaustive(() => [e], (x) => `${showPath(p, x.lhs)} vs ${showPath(p, x.rhs)}`),
    (claim) => {
      if (claim.lhs.dom !== claim.rhs.dom || claim.lhs.cod !== claim.rhs.cod) {
        const message = `ill-typed: ${showPath(p, claim.lhs)} and ${showPath(p, claim.rhs)} are not parallel`
        return { equal: false, witness: message, message }
      }
      const at = p.objects[claim.lhs.dom] as string
      const l = C.arrowOf(claim.lhsNames, at)
      const r = C.arrowOf(claim.rhsNames, at)
      return l === r
        ? { equal: true }
        : { equal: false, witness: { lhs: C.showArrow(l), rhs: C.showArrow(r) }, message: `the normal forms differ: ${C.showArrow(l)} ≠ ${C.showArrow(r)}` }
    },
  )

/**
 * The name of the (not applicable) law a presentation suite reports when Knuth–Bendix
 * completion ran out of budget; `catcluster check` exits 2 on it.
 *
 * @since 0.1.0
 * @category constants
 */
export const completionLaw = "category.completion"

/**
 * The suite of one presentation file.
 *
 * @example
 * import { presentationSuite, readPresentationFile } from "catcluster/app/check"
 * // runSuite(presentationSuite(readPresentationFile("square.yaml", text).right))
 *
 * @since 0.1.0
 * @category suites
 */
export const presentationSuite = (input: PresentationFile, options: FinCatOptions = {}): Suite => {
  const p = input.presentation
  const subject = `${p.name} (${input.file})`
  const built = buildFinCat(p, options)
  if (built._tag !== "Finite") {
    const reason =
      built._tag === "Infinite"
        ? `the category is infinite: hom(${built.dom}, ${built.cod}) contains ${[...built.witness.prefix, `(${built.witness.loop.join("·")})ᵏ`, ...built.witness.suffix].join("·")} for every k ≥ ${built.witness.from}`
        : built.message
    // An unfinished completion is not an answer about the category: its own law name lets the
    // CLI say so and exit 2 (raise the budget), instead of passing it off as "not applicable".
    const law = built._tag === "CompletionIncomplete" ? completionLaw : "category.finite"
    return suite("category", subject, [
      notApplicable(law, "the presentation presents a finite category", reason),
      ...input.claims.map((e) => notApplicable(`equation.${e.name}`, `${showPath(p, e.lhs, false)} = ${showPath(p, e.rhs, false)}`, `not decided: ${reason}`)),
    ])
  }
  const C = built.category
  const certificate = bind(
    law("presentation.certificate", "the table is exactly the presented category (laws, relations, generation: certify)", (c: FinCat) => {
      const cert = certify(c)
      return { lhs: cert, rhs: cert }
    }),
    exhaustive(() => [C], () => p.name),
    (cert) => (cert._tag === "Certified" ? { equal: true } : { equal: false, witness: cert, message: `certificate: ${cert._tag}${cert._tag === "EquationFails" ? ` (${cert.lhs} ≠ ${cert.rhs})` : ""}` }),
  )
  // each declared relation, decided by normal forms: both sides must denote one arrow
  const names = (word: ReadonlyArray<number>): ReadonlyArray<string> => word.map((a) => p.generators[a] as string)
  const relations = bind(
    law("presentation.relations", "every declared relation lhs = rhs holds", (e: Presentation["equations"][number]) => {
      const at = p.objects[e.dom] as string
      return { lhs: C.showArrow(C.arrowOf(names(e.lhs), at)), rhs: C.showArrow(C.arrowOf(names(e.rhs), at)) }
    }),
    exhaustive(() => p.equations, (e) => e.name ?? `equations[${e.index}]: ${showWord(p, e.lhs, e.dom)} = ${showWord(p, e.rhs, e.dom)}`),
    (l, r) => (l === r ? { equal: true } : { equal: false, witness: [l, r], message: `${l} ≠ ${r}` }),
  )
  return suite("presentation", subject, [certificate, relations, ...input.claims.map((e) => claimLaw(C, p, e))], [categoryLaws(C)])
}
