/**
 * The README's code, kept compiling (the type checker runs this file in CI).
 */
import { arrow, compose, path, type Arrow } from "../../src/category/index.ts"
import { buildFinCat, presentation } from "../../src/category/fincat/index.ts"
import { assertLaws, categoryLaws, runSuite } from "../../src/laws/index.ts"

const containerize = arrow("containerize", "P", "C")
const wrap = arrow("wrap", "C", "Pod")
const schedule = arrow("schedule", "Pod", "P")
export const podOnMachine: Arrow<"P", "Pod"> = compose(wrap, containerize)
export const roundTrip: Arrow<"P", "P"> = path(containerize, wrap, schedule)
export const wrongOrder = () =>
  // @ts-expect-error Ω lands in Pod, Ψ starts at P
  compose(containerize, wrap)

export const readmeFinCat = (): number => {
  const built = buildFinCat(
    presentation({
      objects: ["A"],
      arrows: [{ name: "x", dom: "A", cod: "A" }],
      equations: [{ lhs: ["x", "x", "x", "x", "x"], rhs: ["x"] }],
    }),
  )
  if (built._tag === "Finite") assertLaws(runSuite(categoryLaws(built.category)))
  return built._tag === "Finite" ? built.category.arrowCount : -1
}
