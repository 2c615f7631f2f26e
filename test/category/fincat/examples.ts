/**
 * Presentations shared by the fincat tests.
 */
import type { PresentationInput } from "../../../src/category/fincat/index.ts"

/**
 * Six objects, nine generators: two endomorphism loops x: A→A (x⁵ = x) and y: B→B (y⁵ = y²),
 * a square f;h = g;k (A→B→D = A→C→D) and a naturality-style square x;f = f;y.
 */
export const sixObjects: PresentationInput = {
  name: "six",
  objects: ["A", "B", "C", "D", "E", "F"],
  arrows: [
    { name: "x", dom: "A", cod: "A" },
    { name: "y", dom: "B", cod: "B" },
    { name: "f", dom: "A", cod: "B" },
    { name: "g", dom: "A", cod: "C" },
    { name: "h", dom: "B", cod: "D" },
    { name: "k", dom: "C", cod: "D" },
    { name: "m", dom: "D", cod: "E" },
    { name: "n", dom: "C", cod: "E" },
    { name: "p", dom: "E", cod: "F" },
  ],
  equations: [
    { name: "x⁵ = x", lhs: ["x", "x", "x", "x", "x"], rhs: ["x"] },
    { name: "y⁵ = y²", lhs: ["y", "y", "y", "y", "y"], rhs: ["y", "y"] },
    { name: "square", lhs: ["f", "h"], rhs: ["g", "k"] },
    { name: "x then f = f then y", lhs: ["x", "f"], rhs: ["f", "y"] },
  ],
}

/** One object, one loop, no equation: hom(A, A) = {xᵏ}, infinite. */
export const freeLoop: PresentationInput = {
  name: "free loop",
  objects: ["A"],
  arrows: [{ name: "x", dom: "A", cod: "A" }],
}

/**
 * The positive braid monoid ⟨a, b | aba = bab⟩: Kapur and Narendran showed it has no finite
 * complete rewriting system on {a, b}, so shortlex completion cannot finish.
 */
export const braid: PresentationInput = {
  name: "braid B3+",
  objects: ["*"],
  arrows: [
    { name: "a", dom: "*", cod: "*" },
    { name: "b", dom: "*", cod: "*" },
  ],
  equations: [{ lhs: ["a", "b", "a"], rhs: ["b", "a", "b"] }],
}

/**
 * One object, three loops with ba = ab, c² = a, a³ = 1: completion adds ca → ac (c commutes with
 * its square a), giving ba → ab, cc → a, aaa → 1, ca → ac; infinite, as b is free of the others.
 * Rules of lengths 2 and 3 over three letters, for properties of normal forms and `reducible`.
 */
export const threeLoops: PresentationInput = {
  name: "three loops",
  objects: ["*"],
  arrows: ["a", "b", "c"].map((name) => ({ name, dom: "*", cod: "*" })),
  equations: [
    { lhs: ["b", "a"], rhs: ["a", "b"] },
    { lhs: ["c", "c"], rhs: ["a"] },
    { lhs: ["a", "a", "a"], rhs: [] },
  ],
}
