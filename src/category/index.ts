/**
 * Typed categories: the `Category` interface, typed arrows, and the universal constructions.
 * @since 0.1.0
 */
export * from "./Category.ts"
export * from "./Universal.ts"
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
