/**
 * Typed categories: the `Category` interface, typed arrows, and the universal constructions.
 * @since 0.1.0
 */
export * from "./Category.ts"
export * from "./Universal.ts"
export * from "./Type.ts"
/**
 * Finite categories from presentations: Knuth–Bendix completion, composition tables, free
 * categories, symbolic diagrams and the exhaustive table-law checker.
 * @since 0.1.0
 */
export * as FinCat from "./fincat/index.ts"
/**
 * FinSet: finite sets and total functions on typed arrays, with finite limits, colimits and
 * exponentials, each returned with its universal arrow.
 * @since 0.1.0
 */
export * as FinSet from "./finset/index.ts"
/**
 * Categories built from others: thin categories of preorders, products, coproducts, opposites.
 * @since 0.1.0
 */
export * as Constructions from "./constructions/index.ts"
/**
 * Pictures of presentations, diagrams and state machines: Mermaid, Graphviz DOT and SVG.
 * @since 0.1.0
 */
export * as Render from "./render/index.ts"
export {
  andThen,
  arrow,
  arrowFromData,
  compose,
  equals as equalArrowPaths,
  identity,
  path,
  pathFromData,
  show as showArrowPath,
  type AnyArrow,
  type Arrow,
  type ArrowCheck,
  type ArrowMismatch,
  type CodomainOf,
  type Composite,
  type ComposablePath,
  type DomainOf,
  type NotASingletonObject,
  type SingletonCheck,
  type SingletonObject,
} from "./Arrow.ts"
