/**
 * Type-level tests for Type, fp-ts endofunctors and natural transformations. Checked by
 * `npm run typecheck` (tsc): every `@ts-expect-error` below must stay an error, every other
 * line must compile.
 */
import { pipe } from "fp-ts/lib/function.js"
import * as A from "fp-ts/lib/Array.js"
import * as E from "fp-ts/lib/Either.js"
import * as O from "fp-ts/lib/Option.js"
import {
  andThenFn,
  arrayType,
  booleanType,
  composeFn,
  eitherType,
  fn,
  integerType,
  literalType,
  optionType,
  pathFn,
  stringType,
  type Fn,
  type TypeObject,
} from "../../src/category/Type.ts"
import {
  arrayEndofunctor,
  fromFunctor1,
  fromFunctor2,
  horizontalCompose,
  naturalTransformation,
  optionEndofunctor,
  typeTransformation,
  verticalCompose,
  whiskerLeft,
  whiskerRight,
  type Functor,
  type NaturalTransformation,
} from "../../src/functors/index.ts"

const length = fn("length", stringType, integerType, (s) => s.length)
const isEven = fn("isEven", integerType, booleanType, (n) => n % 2 === 0)
const not = fn("not", booleanType, booleanType, (b) => !b)
const phase = literalType("Pending", "Running")
const start = fn("start", phase, phase, (): "Running" => "Running")

// --- must compile ---
export const ok1: Fn<string, boolean> = composeFn(isEven, length)
export const ok2: Fn<string, boolean> = pathFn(length, isEven, not)
export const ok3: Fn<string, boolean> = pipe(length, andThenFn(isEven))
export const ok4: Fn<O.Option<string>, O.Option<number>> = optionEndofunctor.map(length)
export const ok5: TypeObject<Array<boolean>> = arrayEndofunctor.lift(booleanType)
export const ok6: Fn<E.Either<string, string>, E.Either<string, number>> = fromFunctor2(E.Functor, stringType, eitherType).map(length)
export const ok7 = typeTransformation("head", arrayEndofunctor, optionEndofunctor, () => (xs) => A.head(xs))
export const ok8: Fn<Array<number>, O.Option<number>> = ok7.at(integerType)
export const ok9: TypeObject<O.Option<"Pending" | "Running">> = optionType(phase)

// --- must not compile ---
// @ts-expect-error composing arrows whose types do not meet: length lands in number, not starts at boolean
composeFn(not, length)
// @ts-expect-error composition order reversed
composeFn(length, isEven)
// @ts-expect-error a path with a gap: isEven then length
pathFn(isEven, length)
// @ts-expect-error invariance: start lands in "Pending" | "Running", which is not the object string (no widening)
composeFn(fn("s", stringType, stringType, (s) => s), start)
// @ts-expect-error pipe with a continuation from the wrong type
pipe(isEven, andThenFn(length))
// @ts-expect-error a Functor2 where a Functor1 is expected
fromFunctor1(E.Functor, optionType)
// @ts-expect-error a lifting for the wrong functor: Array's map with Option's lifting
fromFunctor1(A.Functor, optionType)
// @ts-expect-error the mapped arrow of Option is not an arrow between arrays
export const bad1: Fn<Array<string>, Array<number>> = optionEndofunctor.map(length)
// @ts-expect-error a component of the wrong shape: Array ⇒ Option must return an Option
typeTransformation("bad", arrayEndofunctor, optionEndofunctor, () => (xs) => xs)

// Functors between different categories, typed by their objects and arrows.
declare const F: Functor<"*", number, "*", number>
declare const G: Functor<"Pending" | "Running", readonly ["Pending" | "Running", "Pending" | "Running"], "*", number>
declare const H: Functor<"*", number, "Pending" | "Running", readonly ["Pending" | "Running", "Pending" | "Running"]>
declare const eta: NaturalTransformation<"*", number, "*", number>
declare const theta: NaturalTransformation<"Pending" | "Running", readonly ["Pending" | "Running", "Pending" | "Running"], "*", number>

export const ok10 = naturalTransformation("η", F, F, () => 0)
export const ok11 = verticalCompose(eta, eta)
export const ok12 = whiskerLeft(H, eta)
export const ok13 = horizontalCompose(eta, whiskerRight(theta, H))

// @ts-expect-error a natural transformation between functors of different source categories
naturalTransformation("η", F, G, () => 0)
// @ts-expect-error vertical composition of transformations between different categories
verticalCompose(eta, theta)
// @ts-expect-error whiskering with mismatched categories: F lands in "*", theta starts at phases
whiskerRight(theta, F)
// @ts-expect-error whiskering on the left with a functor out of the wrong category
whiskerLeft(G, eta)
// @ts-expect-error horizontal composition where the inner lands where the outer does not start
horizontalCompose(theta, eta)

// Described types are invariant: a union of literals is not the object `string`.
// @ts-expect-error TypeObject<"Pending" | "Running"> is not a TypeObject<string>
export const bad2: TypeObject<string> = phase
// @ts-expect-error an fp-ts Option lifting does not describe arrays
export const bad3: TypeObject<Array<boolean>> = optionType(booleanType)
