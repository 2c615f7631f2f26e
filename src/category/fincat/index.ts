/**
 * Finite categories from presentations: validation, the word problem by Knuth–Bendix
 * completion, enumeration and composition tables on typed arrays, free categories on graphs,
 * diagrams checked symbolically, and the exhaustive table-law checker.
 *
 * @since 0.1.0
 */
export * from "./CompositionTable.ts"
export * from "./FinCat.ts"
export * from "./Presentation.ts"
export * from "./PresentationError.ts"
export * from "./Rewriting.ts"
export * from "./FreeCategory.ts"
export * from "./PathDiagram.ts"
export * from "./TableLaws.ts"
export * from "./PresentationCodec.ts"
export * from "./Certificate.ts"
export * from "./Families.ts"
