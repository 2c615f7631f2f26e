/**
 * Type-level tests for typed arrows. Checked by `npm run typecheck` (tsc) in CI:
 * every `@ts-expect-error` below must stay an error, every other line must compile.
 */
import { andThen, arrow, compose, identity, path, type Arrow } from "../../src/category/Arrow.ts"
import { pipe } from "fp-ts/lib/function.js"

type Obj = "P" | "V" | "C" | "Pod" | "VMI"

const virtualize = arrow("virtualize", "P", "V")
const containerize = arrow("containerize", "P", "C")
const wrap = arrow("wrap", "C", "Pod")
const wrapVm = arrow("wrapVm", "V", "VMI")
const scheduleVmi = arrow("scheduleVmi", "VMI", "P")
const schedulePod = arrow("schedulePod", "Pod", "P")

// --- must compile ---
export const ok1: Arrow<"P", "Pod"> = compose(wrap, containerize)
export const ok2: Arrow<"P", "P"> = path(containerize, wrap, schedulePod)
export const ok3: Arrow<"P", "VMI"> = pipe(virtualize, andThen(wrapVm))
export const ok4: Arrow<"V", "V"> = identity("V")
export const ok5: Arrow<"P", "P"> = path(virtualize, wrapVm, scheduleVmi)

// --- must not compile ---
// @ts-expect-error Ω ∘ Φ: Φ lands in V, Ω starts at C
compose(wrap, virtualize)
// @ts-expect-error Ω' ∘ Ψ: Ψ lands in C, Ω' starts at V
compose(wrapVm, containerize)
// @ts-expect-error composition order reversed
compose(containerize, wrap)
// @ts-expect-error σ_vmi after Ω: Pod is not VMI
compose(scheduleVmi, wrap)
// @ts-expect-error the S1.4 square as written: Ω ∘ Ψ and Ω' ∘ Φ have different codomains
export const square: Arrow<"P", "VMI"> = compose(wrap, containerize)
// @ts-expect-error path with a gap in the middle
path(containerize, wrapVm, scheduleVmi)
// @ts-expect-error path whose second arrow starts at the wrong object
path(virtualize, wrap)
// @ts-expect-error pipe with a wrong continuation
pipe(virtualize, andThen(wrap))

// Objects from one union of literal types: widening must not rescue a wrong composite.
declare const fromUnion: Arrow<"C", "P">
declare const toUnion: Arrow<"C" | "P", "Pod">
// @ts-expect-error invariance: Arrow<"C","P"> is not Arrow<"C","C"|"P">
compose(toUnion, fromUnion)
declare const wide: Arrow<Obj, Obj>
// @ts-expect-error an arrow between "any objects" is not an arrow P → V
export const narrowed: Arrow<"P", "V"> = wide
// @ts-expect-error an arrow P → V is not an arrow between "any objects"
export const widened: Arrow<Obj, Obj> = virtualize
// @ts-expect-error identity on V does not type as identity on P
export const wrongId: Arrow<"P", "P"> = identity("V")
// @ts-expect-error object labels must be strings
arrow("bad", 1, "P")
// @ts-expect-error a composite keeps the outer endpoints, not the middle
export const middle: Arrow<"C", "Pod"> = compose(wrap, containerize)
// @ts-expect-error andThen checks the middle object too
andThen(wrapVm)(containerize)
