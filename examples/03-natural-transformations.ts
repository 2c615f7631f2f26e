/**
 * # 03 · Natural transformations
 *
 * A natural transformation η : F ⇒ G between two functors picks, for every object x, an arrow
 * η_x : F x → G x, such that every *naturality square* commutes: for f : x → y,
 *
 *     F x ──η_x──▶ G x
 *      │            │
 *     F f          G f          G f ∘ η_x  =  η_y ∘ F f
 *      ▼            ▼
 *     F y ──η_y──▶ G y
 *
 * In Type, a polymorphic function `<A>(fa: F<A>) => G<A>` is a candidate: `head : Array ⇒
 * Option` takes the first element whatever A is. It is natural — taking the head then mapping
 * equals mapping then taking the head. A component that *looks at* the values (sorting) is
 * not: mapping a non-monotone function and sorting differs from sorting and mapping. The check
 * returns the first failing square: the objects, the arrow, and both paths' values.
 *
 * The seed calls resource allocation "a natural transformation" (S1.4); this is the tool that
 * decides such claims instead of asserting them.
 */
import * as O from "fp-ts/lib/Option.js"
import { booleanType, integerType, literalType, stringType } from "catcluster/category"
import {
  headTransformation,
  horizontalCompose,
  optionToArrayTransformation,
  sortTransformation,
  verticalCompose,
} from "catcluster/functors"
import { failingSquare, naturalityLaws, printVerdict, runSuite, typeCarriers } from "catcluster/laws"

// Components are arrows of Type, one per described type.
const headOfInts = headTransformation.at(integerType)
console.log(`${headOfInts.name} : ${headOfInts.dom.name} → ${headOfInts.cod.name}`)
//> head_integer : Array<integer> → Option<integer>

// Naturality of head, on random functions between integers, strings and booleans (sampled).
const arrows = typeCarriers([integerType, stringType, booleanType]).arrows
console.log(printVerdict(runSuite(naturalityLaws(headTransformation, arrows))))
//> ✓ naturality on head : Array ⇒ Option
//> ✓ naturality.square  G f ∘ η_x = η_y ∘ F f  (100 runs, seed 20261127)

// Option ⇒ Array (none ↦ [], some(a) ↦ [a]) on every function between two finite types:
// exhaustive over the arrows, and Option<A> is finite, so this is a proof on those types.
const finite = typeCarriers([booleanType, literalType("a", "b", "c")]).arrows
console.log(printVerdict(runSuite(naturalityLaws(optionToArrayTransformation, finite))))
//> ✓ naturality.square  G f ∘ η_x = η_y ∘ F f  (exhaustive, 48 cases)

// Transformations compose. Vertically: toArray · head keeps at most the first element.
const firstOnly = verticalCompose(optionToArrayTransformation, headTransformation)
console.log(`${firstOnly.name} : ${firstOnly.from.name} ⇒ ${firstOnly.to.name}`, firstOnly.component(integerType).run([7, 8, 9]))
//> toArray·head : Array ⇒ Array [ 7 ]
// Horizontally (Godement product): head ∗ toArray : Array∘Option ⇒ Option∘Array.
const star = horizontalCompose(headTransformation, optionToArrayTransformation)
console.log(`${star.from.name} ⇒ ${star.to.name}`, star.component(integerType).run([O.some(1), O.none]))
//> Array∘Option ⇒ Option∘Array { _tag: 'Some', value: [ 1 ] }
console.log(printVerdict(runSuite(naturalityLaws(star, finite))).split("\n")[0])
//> ✓ naturality on head∗toArray : Array∘Option ⇒ Option∘Array

// Sorting is not natural. The first failing square names the arrow (here negation on
// booleans, which reverses the order) and shows both paths on the shrunk input.
const sorted = runSuite(naturalityLaws(sortTransformation, finite))
const square = failingSquare(sorted)!
console.log(`square of ${square.arrow} fails on ${square.values.input}`)
//> square of {false↦true, true↦false} : boolean → boolean fails on [false, true]
console.log(`G f ∘ η_x (sort, then map): ${square.values.viaTarget}`)
//> G f ∘ η_x (sort, then map): [true, false]
console.log(`η_y ∘ F f (map, then sort): ${square.values.viaSource}`)
//> η_y ∘ F f (map, then sort): [false, true]
