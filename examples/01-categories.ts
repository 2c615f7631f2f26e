/**
 * # 01 · Finite categories from presentations
 *
 * A category can be *presented* like a group: a few objects, a few generating arrows, and
 * path equations saying which composites are equal. Everything else — every arrow, every
 * hom-set, the whole composition table — follows, and catcluster computes it:
 *
 * 1. Knuth–Bendix completion turns the equations into rewrite rules (shortlex: shorter paths
 *    win, ties broken by generator order) until every path has exactly one *normal form*.
 * 2. The normal forms are the arrows. A breadth-first search lists them per hom-set.
 * 3. Two paths are equal iff their normal forms are: equality is *decided*, not tested.
 *
 * If the presented category is infinite (a loop nothing tames), the search stops at a bound and
 * says so, with a proof; it never hangs.
 */
import { buildFinCat, certify, commutes, diagram, pathsEqual, presentation, type PresentationInput } from "catcluster/category/fincat"
import { presentationGraph, toMermaid } from "catcluster/category/render"

// The seed's base category (S1.1, S1.2), in part: machines P, VMs V, containers C, Pods and
// VMIs, with virtualization Φ, containerization Ψ, wrapping Ω and Ω′, and scheduling σ of a
// Pod back onto a machine. Paths are written first-arrow-first: ["Ψ", "Ω", "σ"] is σ∘Ω∘Ψ.
const cluster: PresentationInput = {
  name: "cluster",
  objects: ["P", "V", "C", "Pod", "VMI"],
  arrows: [
    { name: "Φ", dom: "P", cod: "V" },
    { name: "Ψ", dom: "P", cod: "C" },
    { name: "Ω", dom: "C", cod: "Pod" },
    { name: "Ω′", dom: "V", cod: "VMI" },
    { name: "σ", dom: "Pod", cod: "P" },
  ],
}

// Without equations, σ∘Ω∘Ψ : P → P is a free loop: going round it k times is a different arrow
// for every k. catcluster reports that instead of enumerating forever.
const free = buildFinCat(presentation(cluster), { maxHomSize: 1000 })
console.log(free._tag === "Infinite" ? free.message : free._tag)
//> infinite: hom(P,P) has more than 1000 arrows, e.g. (σ∘Ω∘Ψ)^k is a normal form for every k ≥ 0

// One equation — a modelling choice for this example: scheduling is idempotent, placing an
// already placed container again changes nothing: (σ∘Ω∘Ψ)∘(σ∘Ω∘Ψ) = σ∘Ω∘Ψ.
const withEquation: PresentationInput = {
  ...cluster,
  equations: [{ name: "rescheduling is idempotent", lhs: ["Ψ", "Ω", "σ", "Ψ", "Ω", "σ"], rhs: ["Ψ", "Ω", "σ"] }],
}
const result = buildFinCat(presentation(withEquation))
if (result._tag !== "Finite") throw new Error(result.message)
const C = result.category
// By hand: 10 arrows out of P, 12 out of C, 11 out of Pod, 2 out of V, 1 out of VMI.
console.log(`${C.arrowCount} arrows, ${C.table.length} composable pairs, ${C.system.rules.length} rewrite rule(s)`)
//> 36 arrows, 254 composable pairs, 1 rewrite rule(s)

// The enumeration certifies itself without trusting the rewriting: its table obeys the category
// laws and the equation holds in it, so it is exactly the presented category (see certify).
const certificate = certify(C)
console.log(`certificate: ${certificate._tag}${certificate._tag === "Certified" ? `, ${certificate.laws.triples} associativity triples` : ""}`)
//> certificate: Certified, 1790 associativity triples

// Hom-set sizes. hom(P,P) = {id, σ∘Ω∘Ψ}. hom(C,C) is less obvious: c = Ψ;Ω;σ seen from C is
// Ω;σ;Ψ, and the equation only gives c³ = c², so hom(C,C) = {id, c, c²}.
for (const [x, y] of [["P", "P"], ["C", "C"], ["P", "VMI"]] as const) {
  const hom = C.hom(C.objectId(x), C.objectId(y))
  console.log(`hom(${x},${y}) has ${hom.length}: ${hom.map(C.showArrow).join(", ")}`)
}
//> hom(P,P) has 2: id_P, σ∘Ω∘Ψ
//> hom(C,C) has 3: id_C, Ψ∘σ∘Ω, Ψ∘σ∘Ω∘Ψ∘σ∘Ω
//> hom(P,VMI) has 2: Ω′∘Φ, Ω′∘Φ∘σ∘Ω∘Ψ

// Decided equalities: three round trips equal one; a round trip before Φ is not the same as Φ.
const trips = (k: number) => Array.from({ length: k }, () => ["Ψ", "Ω", "σ"]).flat()
console.log(`(σ∘Ω∘Ψ)^3 = σ∘Ω∘Ψ: ${C.equalPaths(trips(3), trips(1))}`)
//> (σ∘Ω∘Ψ)^3 = σ∘Ω∘Ψ: true
console.log(`Φ∘σ∘Ω∘Ψ = Φ: ${C.equalPaths([...trips(1), "Φ"], ["Φ"])}`)
//> Φ∘σ∘Ω∘Ψ = Φ: false

// The seed's square S1.4, Ω′∘Φ = Ω∘Ψ, as a diagram: the two paths end in different objects,
// so the claim is not false but ill-typed — there is nothing to compare.
const square = diagram(C, { name: "S1.4", paths: { viaVM: ["Φ", "Ω′"], viaContainer: ["Ψ", "Ω"] } })
const claim = pathsEqual(square, "viaVM", "viaContainer")
console.log(claim._tag === "IllTyped" ? `S1.4 is ill-typed: ${claim.message}` : claim._tag)
//> S1.4 is ill-typed: 'viaVM' is Ω′∘Φ : P → VMI but 'viaContainer' is Ω∘Ψ : P → Pod: not parallel, so not comparable
console.log(`the square diagram commutes vacuously: ${commutes(square)._tag}, ${commutes(square).parallelPairs} parallel pairs`)
//> the square diagram commutes vacuously: Commutes, 0 parallel pairs

// A picture: Mermaid text (GitHub renders it in a ```mermaid block); `toDot` and `toSvg` exist too.
console.log(toMermaid(presentationGraph(C.presentation)))
//> flowchart LR
//>   n0 -->|"Φ"| n1
//>   %% σ∘Ω∘Ψ∘σ∘Ω∘Ψ = σ∘Ω∘Ψ
