/**
 * # 02 · Functors
 *
 * A functor F : 𝒞 → 𝒟 sends objects to objects and arrows to arrows, keeping identities and
 * composites: `F(id x) = id(F x)` and `F(g ∘ f) = F g ∘ F f`.
 *
 * The most familiar functors are the containers of functional programming. fp-ts's `Option`
 * and `Array` come with a `map`; seen from category theory they are *endofunctors of Type*,
 * the category whose objects are TypeScript types and whose arrows are functions. catcluster
 * makes that literal: give fp-ts's `Functor` instance and a way to describe `F<A>` from a
 * described `A`, and you get an `Endofunctor` whose laws can be checked — exhaustively when
 * the types are finite (`Option<boolean>` has three values, so every function is tried), by
 * seeded sampling with shrinking when they are not (`Array<number>`).
 *
 * A functor that breaks a law is caught with a counterexample you can read.
 */
import * as A from "fp-ts/lib/Array.js"
import { identity } from "fp-ts/lib/function.js"
import type { Functor1 } from "fp-ts/lib/Functor.js"
import * as O from "fp-ts/lib/Option.js"
import { arrayType, booleanType, fn, integerType, literalType, stringType } from "catcluster/category"
import { arrayEndofunctor, fromFunctor1, optionEndofunctor } from "catcluster/functors"
import { failures, functorLaws, printVerdict, runSuite, typeCarriers } from "catcluster/laws"

// Arrows of Type carry their described domain and codomain.
const phase = literalType("Pending", "Running", "Failed")
const isRunning = fn("isRunning", phase, booleanType, (p) => p === "Running")

// The Option functor maps it to Option<phase> → Option<boolean>, with no glue code.
const lifted = optionEndofunctor.map(isRunning)
console.log(`${lifted.name} : ${lifted.dom.name} → ${lifted.cod.name}`)
//> Option.map(isRunning) : Option<"Pending" | "Running" | "Failed"> → Option<boolean>
console.log(lifted.cod.show(lifted.run(O.some("Running"))))
//> some(true)

// The functor laws on two finite types: every function between boolean and the 3-value
// phase union (2² + 3² + 2³ + 3³ = 48 arrows) and every composable pair (1416) are checked.
console.log(printVerdict(runSuite(functorLaws(optionEndofunctor, typeCarriers([booleanType, phase])))))
//> ✓ functor on Option
//> ✓ functor.identity  F(id x) = id(F x)  (exhaustive, 2 cases)
//> ✓ functor.composition  F(g ∘ f) = F g ∘ F f  (exhaustive, 1416 cases)

// On infinite types the laws are sampled: random pure functions, a fixed seed, and the seed is
// reported so the run can be reproduced.
console.log(printVerdict(runSuite(functorLaws(arrayEndofunctor, typeCarriers([integerType, stringType, booleanType])))))
//> ✓ functor on Array
//> ✓ functor.composition  F(g ∘ f) = F g ∘ F f  (100 runs, seed 20261127)

// A broken "functor": its map reverses the array unless it is handed fp-ts's identity, a bug that
// slips past the identity law. Composition catches it: mapping f then g reverses twice.
const reversing: Functor1<"Array"> = {
  URI: "Array",
  map: (fa, f) => (f === (identity as unknown) ? fa.map(f) : A.reverse(fa.map(f))),
}
// Both are fp-ts "Array" functors; the suite's last argument names it, so reports tell them apart.
const broken = runSuite(functorLaws(fromFunctor1(reversing, (a) => arrayType(a)), typeCarriers([booleanType, phase]), "reversing Array"))
console.log(`${broken.suite} laws on ${broken.subject}: ${failures(broken).map((f) => f.law).join(", ")} fails`)
//> functor laws on reversing Array: functor.composition fails
console.log(printVerdict(failures(broken)[0]!))
//> ✗ functor.composition  F(g ∘ f) = F g ∘ F f  (exhaustive, 1416 cases, 772 failing)
//> counterexample: [{false↦false, true↦true} : boolean → boolean, {false↦false, true↦true} : boolean → boolean]
//> at [false, true]: [true, false] ≠ [false, true]
// The first failing pair is two copies of the identity *table* (not fp-ts's identity function),
// and the shrunk input [false, true] shows the double reversal.
