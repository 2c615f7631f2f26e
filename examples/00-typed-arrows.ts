/**
 * # 00 · Typed arrows
 *
 * In the seed, the cluster is a category: objects are physical machines P, virtual machines V,
 * containers C, Pods and VMIs; arrows are virtualization Φ : P → V, containerization Ψ : P → C,
 * wrapping Ω : C → Pod and Ω′ : V → VMI, and scheduling σ back onto P.
 *
 * catcluster gives every arrow its domain and codomain *in its type*, so that writing a
 * composite whose arrows do not meet is a compile error, not a runtime surprise.
 */
import { arrow, compose, path, showArrowPath } from "catcluster/category"

const virtualize = arrow("virtualize", "P", "V") //   Φ : P → V
const containerize = arrow("containerize", "P", "C") // Ψ : P → C
const wrap = arrow("wrap", "C", "Pod") //              Ω : C → Pod
const wrapVm = arrow("wrapVm", "V", "VMI") //          Ω′ : V → VMI

// Ω ∘ Ψ meets in C: it type-checks and reads right to left.
console.log(showArrowPath(compose(wrap, containerize)))
//> wrap∘containerize : P → Pod

// Ω′ ∘ Φ meets in V.
console.log(showArrowPath(path(virtualize, wrapVm)))
//> wrapVm∘virtualize : P → VMI

// The seed's square S1.4 says Ω′ ∘ Φ = Ω ∘ Ψ. Their codomains differ (VMI vs Pod), so the
// equation is ill-typed as written; `test/types/arrow.types.ts` keeps that a compile error.
const podSide = compose(wrap, containerize)
const vmSide = compose(wrapVm, virtualize)
console.log(`codomains: ${podSide.cod} vs ${vmSide.cod}`)
//> codomains: Pod vs VMI
