/**
 * Typed categories: the `Category` interface, typed arrows, and the universal constructions.
 * @since 0.1.0
 */
export * from "./Category.ts"
export * from "./Universal.ts"
export * from "./Type.ts"
export * as FinCat from "./fincat/index.ts"
export * as FinSet from "./finset/index.ts"
export * as Constructions from "./constructions/index.ts"
export * as Render from "./render/index.ts"
export {
  andThen,
  arrow,
  compose,
  equals as equalArrowPaths,
  identity,
  path,
  show as showArrowPath,
  type AnyArrow,
  type Arrow,
  type CodomainOf,
  type Composite,
  type ComposablePath,
  type DomainOf,
} from "./Arrow.ts"
