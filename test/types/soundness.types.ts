/**
 * Type-level soundness of composition (issue 11): no wrong composite compiles. Checked by
 * `npm run typecheck` (tsc) in CI: every `@ts-expect-error` below must stay an error, every
 * other line must compile. Each hole the issue reports has a case, then more of the same kind.
 */
import * as E from "fp-ts/lib/Either.js"
import { pipe } from "fp-ts/lib/function.js"
import { match } from "ts-pattern"
import {
  andThen,
  arrow,
  arrowFromData,
  compose,
  identity,
  path,
  pathFromData,
  type Arrow,
  type Composite,
  type SingletonObject,
} from "../../src/category/Arrow.ts"
import { booleanType, composeFn, describedType, fn, integerType, pathFn, andThenFn, stringType, type Fn } from "../../src/category/Type.ts"
import * as fc from "fast-check"

const virtualize = arrow("virtualize", "P", "V")
const containerize = arrow("containerize", "P", "C")
const wrap = arrow("wrap", "C", "Pod")
const wrapVm = arrow("wrapVm", "V", "VMI")
declare const coin: boolean
declare const n: number
declare const someString: string

// --- must compile ---
export const ok1: Arrow<"P", "Pod"> = path(containerize, wrap)
export const ok2: Arrow<"node-1", "node-1"> = identity(`node-${1}`)
const loop = <const X extends string>(x: SingletonObject<X>): Arrow<X, X> => arrow("loop", x, x)
export const ok3: Arrow<"P", "P"> = loop("P")
export const ok4: Arrow<"P", "Pod"> = pipe(containerize, andThen(wrap))
export const ok5 = [containerize, wrap] as const
export const ok6: Arrow<"P", "Pod"> = path(...ok5)
export const ok7: Arrow<"P", "Pod"> = compose(wrap, containerize satisfies Arrow<"P", "C">)
export const ok8 = { ...containerize } satisfies Arrow<"P", "C">
export const ok9: Arrow<"P", "Pod"> = compose(wrap, ok8)
// Untyped input is checked at run time: no cast, an Either.
export const ok10: E.Either<unknown, Arrow<"P", "C">> = arrowFromData("P", "C")(JSON.parse(someString))
export const ok11: E.Either<unknown, Arrow<"P", "Pod">> = pathFromData("P", "Pod")(JSON.parse(someString) as unknown)
export const ok12: Composite<[typeof containerize, typeof wrap]> = ok1

// --- issue 11, hole 1: a union of arrows in a path (was: silently `never`) ---
const eitherWay = coin ? containerize : virtualize // Arrow<"P","C"> | Arrow<"P","V">
// @ts-expect-error path through "one of two arrows" does not compose
path(eitherWay, wrap)
// @ts-expect-error …nor when the union is the last arrow
path(identity("P"), eitherWay)
const matched = match(coin)
  .with(true, () => containerize)
  .with(false, () => virtualize)
  .exhaustive()
// @ts-expect-error a ts-pattern match returning different arrows is a union too
path(matched, wrap)
// @ts-expect-error compose refuses a union of arrows as f
compose(wrap, eitherWay)
// @ts-expect-error compose refuses a union of arrows as g
compose(coin ? wrap : wrapVm, containerize)
// @ts-expect-error the Composite of a path through a union is never, not a union of composites
export const viaUnion: Composite<[typeof eitherWay, typeof wrap]> = ok1

// --- issue 11, hole 2: objects that are not single literal types ---
// @ts-expect-error string is not an object
arrow("f", someString, "C")
// @ts-expect-error string codomain
arrow("f", "P", someString)
// @ts-expect-error a union of objects
arrow("f", coin ? "C" : "V", "Pod")
// @ts-expect-error a template-literal type with a hole stands for infinitely many objects
arrow("f", `node-${n}`, "P")
// @ts-expect-error identity on a union
identity(coin ? "C" : "V")
// @ts-expect-error identity on string
identity(someString)
const objects = ["C", "V"] as const
// @ts-expect-error an object read from a union-typed array
arrow("f", objects[n % 2]!, "Pod")
// @ts-expect-error a generic helper called with a union
loop(coin ? "C" : "V")
// @ts-expect-error a generic helper that does not ask for a singleton cannot build the arrow
export const badHelper = <X extends string>(x: X) => arrow("h", x, x)
const chosen = match(n)
  .with(0, () => "C" as const)
  .otherwise(() => "V" as const)
// @ts-expect-error an object chosen by ts-pattern
arrow("f", chosen, "Pod")
// @ts-expect-error a declared arrow between non-singletons does not compose
compose(arrow("g", "X", "Y"), {} as Arrow<"P", string>)
declare const wideArrow: Arrow<string, string>
// @ts-expect-error …on either side
compose(wideArrow, wideArrow)
// @ts-expect-error …nor in a path
path(wideArrow, wideArrow)

// --- more of the same spirit ---
// @ts-expect-error widening through a conditional type
arrow("f", "P" as "P" extends string ? "C" | "V" : never, "Pod")
// @ts-expect-error a spread keeps the endpoints: a copy of Ψ is not an arrow into V
export const respread: Arrow<"P", "V"> = { ...containerize }
// @ts-expect-error a spread that overrides the codomain with a wide string is not an arrow
compose(wrap, { ...containerize, cod: someString })
// @ts-expect-error satisfies does not widen the middle object
compose(wrap, virtualize satisfies Arrow<"P", string>)
const arrows = [containerize, virtualize] // (Arrow<"P","C"> | Arrow<"P","V">)[]
// @ts-expect-error an element of an array of arrows is a union
path(arrows[0]!, wrap)
// @ts-expect-error spreading a non-tuple array into path
path(...arrows)
// @ts-expect-error pipe with andThen: the continuation starts elsewhere
pipe(virtualize, andThen(wrap))
// @ts-expect-error pipe with andThen through a union
pipe(eitherWay, andThen(wrap))
// @ts-expect-error andThen of a union of arrows
pipe(containerize, andThen(coin ? wrap : wrapVm))
// @ts-expect-error the untyped builders want singleton objects too
arrowFromData(someString, "C")
// @ts-expect-error …and their result is the arrow asked for, not another
export const wrongData: E.Either<unknown, Arrow<"P", "V">> = arrowFromData("P", "C")(null)

// --- issue 11, hole 3: composeFn checks the described type's name, not only the carrier ---
const portType = describedType({ name: "Port", arbitrary: fc.integer({ min: 1, max: 65535 }) })
const port = fn("port", stringType, portType, (s) => s.length + 1)
const isEven = fn("isEven", integerType, booleanType, (k) => k % 2 === 0)
const length = fn("length", stringType, integerType, (s) => s.length)
export const okFn1: Fn<string, boolean> = composeFn(isEven, length)
export const okFn2: Fn<string, boolean, "string", "boolean"> = pathFn(length, isEven)
// @ts-expect-error Port and integer are both number, but different objects of Type
composeFn(isEven, port)
// @ts-expect-error pathFn likewise
pathFn(port, isEven)
// @ts-expect-error pipe with andThenFn likewise
pipe(port, andThenFn(isEven))
// @ts-expect-error a composite keeps its outer names
export const renamed: Fn<string, boolean, "Port", "boolean"> = composeFn(isEven, length)

// --- a few more: generics, distributive conditional types, mapped arrays ---
// @ts-expect-error a generic identity helper that does not ask for a singleton
export const idHelper = <T extends string>(t: T) => identity(t)
type Target<K> = K extends "vm" ? "V" : "C"
declare const kind: "vm" | "container"
const target = (k: typeof kind): Target<typeof kind> => (k === "vm" ? "V" : "C")
// @ts-expect-error a distributive conditional type over a union of kinds gives a union of objects
arrow("f", "P", target(kind))
// @ts-expect-error arrows made by .map over objects: the callback's object is a union
export const mapped = (["C", "V"] as const).map((o) => arrow("inject", o, "Pod"))
declare const injections: ReadonlyArray<Arrow<"C" | "V", "Pod">>
// @ts-expect-error …and such an arrow (declared) does not compose after Ψ
path(containerize, injections[0]!)
// @ts-expect-error a union of arrows hidden in a readonly tuple position
path(...([coin ? containerize : virtualize, wrap] as const))
